import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the jest global setup: a server we may create databases on, and the migrated, seeded template. */
export function testServerUrls(): { adminUrl: string; template: string } {
  const adminUrl = process.env['SAHAYOG_TEST_ADMIN_URL'];
  const template = process.env['SAHAYOG_TEST_TEMPLATE'];
  if (!adminUrl || !template) throw new Error('run tests through jest: the global setup prepares the database server');
  return { adminUrl, template };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One connection to `url` for `work`, closed after it. */
export async function withConnection<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(template: string | null): Promise<{ url: string; drop(): Promise<void> }> {
  const { adminUrl } = testServerUrls();
  const name = `sahayog_test_${randomBytes(6).toString('hex')}`;
  await withConnection(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`),
  );
  return {
    url: databaseUrl(adminUrl, name),
    drop: () =>
      withConnection(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/** A database of its own for one test file, copied from the template in a fraction of a second. */
export function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return createDatabase(testServerUrls().template);
}

/** An empty database, not migrated: what a new deployment starts on. */
export function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return createDatabase(null);
}
