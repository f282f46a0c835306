import { startHandServer } from './hand-server';

/** Entry of the hand-written peer's own process, configured like the gateway through the environment. */
async function main(): Promise<void> {
  const server = await startHandServer({
    databaseUrl: process.env['DATABASE_URL'] as string,
    port: Number(process.env['PORT']),
    poolSize: Number(process.env['DB_POOL_SIZE'] ?? 10),
    jwtSecret: new TextEncoder().encode(process.env['SAHAYOG_JWT_SECRET']),
  });
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

void main();
