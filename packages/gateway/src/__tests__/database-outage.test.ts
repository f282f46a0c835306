import { DisposablePostgres, TestGateway, CREATE_SUBJECT, type GraphQLClient } from '@sahayog/testing';
import { Client } from 'pg';

/**
 * PostgreSQL stopped and started again under a steady stream of mutations: the gateway stays up, answers
 * coded errors while the database is away, serves again soon after it is back, and nothing it reported as
 * done is missing.
 */
describe('a database outage', () => {
  let server: DisposablePostgres;
  let t: TestGateway;

  beforeAll(async () => {
    server = await DisposablePostgres.start();
    const admin = new Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE sahayog');
    await admin.end();
    // As in production: what a client sees during the outage must carry no internal detail.
    t = await TestGateway.start({ production: true, databaseUrl: server.adminUrl.replace(/\/postgres$/, '/sahayog') });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('is ridden out: errors during it, service again within seconds after, no reported success lost', async () => {
    const caseworker: GraphQLClient = await t.signIn('caseworker@jkps.demo');
    const confirmed: string[] = [];
    const errorCodes = new Map<string, number>();
    let running = true;
    let firstSuccessAfterRestart: number | null = null;
    let restartedAt: number | null = null;

    const traffic = (async () => {
      while (running) {
        const response = await caseworker.request<{ createSubject: { id: string } }>(CREATE_SUBJECT, {
          input: { sex: 'FEMALE', age: 11, nationality: 'IN', fullName: 'Outage Demo-Fictional' },
        });
        if (response.data?.createSubject) {
          confirmed.push(response.data.createSubject.id);
          if (restartedAt !== null && firstSuccessAfterRestart === null) firstSuccessAfterRestart = Date.now();
        } else {
          for (const error of response.errors ?? []) {
            const code = String(error.extensions?.['code']);
            errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
            expect(Object.keys(error.extensions ?? {})).toEqual(['code']);
            expect(error.message).toBe('Something went wrong on our side. Nothing was changed; please try again.');
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 500));
    const stoppedAt = Date.now();
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await fetch(t.url.replace('/graphql', '/healthz'))).status).toBe(200);
    await server.restart();
    restartedAt = Date.now();
    const deadline = Date.now() + 20_000;
    while (firstSuccessAfterRestart === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    running = false;
    await traffic;

    const outageMs = restartedAt - stoppedAt;
    const recoveryMs = (firstSuccessAfterRestart ?? Infinity) - restartedAt;
    console.log(
      `outage ${outageMs} ms; first success ${recoveryMs} ms after the restart; ${confirmed.length} confirmed writes; errors ${JSON.stringify(Object.fromEntries(errorCodes))}`,
    );
    expect(errorCodes.size).toBeGreaterThan(0);
    expect([...errorCodes.keys()]).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(recoveryMs).toBeLessThan(10_000);

    const stored = await t.sql<{ id: string }>(`SELECT id FROM subject WHERE id = ANY($1)`, [confirmed]);
    expect(stored.length).toBe(confirmed.length);
  }, 120_000);
});
