import { withConnection } from '../src/database';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env['SAHAYOG_TEST_ADMIN_URL'];
  const template = process.env['SAHAYOG_TEST_TEMPLATE'];
  if (adminUrl && template && !globalThis.sahayogTestServer) {
    await withConnection(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  }
  await globalThis.sahayogTestServer?.stop();
}
