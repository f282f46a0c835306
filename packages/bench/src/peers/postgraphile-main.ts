import './promise-with-resolvers';
import { createServer } from 'node:http';
import { SessionTokens } from '@sahayog/core';
import { Pool, type PoolClient } from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

/**
 * PostGraphile 5 on the same tables, as a partner could run it instead of the gateway: each request runs
 * as the application role with the token's organisation in `app.org_id`, so the same row-level security
 * decides what it reads. `GET /statements` answers how many statements its pool has run, for the bench to
 * count one request's.
 */
async function main(): Promise<void> {
  const tokens = new SessionTokens(new TextEncoder().encode(process.env['SAHAYOG_JWT_SECRET']), 3600);
  const pool = new Pool({
    connectionString: process.env['DATABASE_URL'],
    max: Number(process.env['DB_POOL_SIZE'] ?? 10),
  });
  let statements = 0;
  pool.on('connect', (client: PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: typeof query }).query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
  });

  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    // Filters and orders by every column, as the gateway's queries do (Amber offers indexed columns only).
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafast: {
      async context(requestContext) {
        const header = requestContext.node?.req.headers.authorization ?? '';
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        const claims = token ? await tokens.verify(token) : null;
        return { pgSettings: { role: 'sahayog_app', 'app.org_id': claims?.organisationId ?? '' } };
      },
    },
    grafserv: { graphqlPath: '/graphql', graphiql: false },
  });
  const serv = pgl.createServ(grafserv);
  const graphql = serv.createHandler();
  const server = createServer((req, res) => {
    if (req.url === '/statements') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statements }));
      return;
    }
    graphql(req, res);
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env['PORT']), '127.0.0.1', resolve));
  process.once('SIGTERM', () => {
    server.close();
    void Promise.resolve(pgl.release()).then(() => process.exit(0));
  });
}

void main();
