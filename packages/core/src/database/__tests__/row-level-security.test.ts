import { CREATE_REFERRAL, TestGateway, organisationId, registerSubject, type GraphQLClient } from '@sahayog/testing';
import {
  evaluatedOncePerStatement,
  RowSecurityPerStatement1763955000000,
} from '../migrations/1763955000000-RowSecurityPerStatement';

let t: TestGateway;
let jkpsCaseworker: GraphQLClient;
let newlightCaseworker: GraphQLClient;
let jkps: string;
let mahima: string;
let newlight: string;

/** Runs statements on the gateway's own request pool, for `organisation` (or for nobody). */
async function asApplication<T>(organisation: string | null, sql: string, params: unknown[] = []): Promise<T[]> {
  const runner = t.requestDataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query(`SELECT set_config('app.org_id', $1, true)`, [organisation ?? '']);
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

beforeAll(async () => {
  t = await TestGateway.start();
  [jkpsCaseworker, newlightCaseworker] = await Promise.all([
    t.signIn('caseworker@jkps.demo'),
    t.signIn('caseworker@newlight.demo'),
  ]);
  jkps = await organisationId(t, 'JKPS');
  mahima = await organisationId(t, 'MAHIMA');
  newlight = await organisationId(t, 'NEWLIGHT');
  const subject = await registerSubject(jkpsCaseworker);
  await registerSubject(newlightCaseworker);
  await jkpsCaseworker.data(CREATE_REFERRAL, {
    input: {
      subjectId: subject.id,
      toOrganisationId: mahima,
      needs: ['SHELTER'],
      urgency: 'ROUTINE',
      summary: 'RLS check.',
    },
  });
});
afterAll(() => t.close());

describe('row-level security, the second wall', () => {
  it('is enabled and forced on every table of the application', async () => {
    const tables = await t.sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> 'migrations' ORDER BY relname`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(18);
    expect(tables.filter((table) => !table.relrowsecurity || !table.relforcerowsecurity)).toEqual([]);
  });

  it('serves requests from a login that owns nothing, is no superuser and cannot bypass it', async () => {
    const [login] = await asApplication<Record<string, unknown>>(
      null,
      `SELECT current_user AS name, session_user = current_user AS logged_in_as_itself, r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned_relations
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [owner] = await t.sql<{ tableowner: string }>(`SELECT tableowner FROM pg_tables WHERE tablename = 'subject'`);
    expect(login).toEqual({
      name: 'sahayog_app',
      logged_in_as_itself: true,
      rolsuper: false,
      rolbypassrls: false,
      owned_relations: 0,
    });
    expect(owner?.tableowner).not.toBe('sahayog_app');
    // It cannot turn into the owner either.
    await expect(asApplication(null, `SET ROLE "${owner?.tableowner}"`)).rejects.toThrow(/permission denied/);
  });

  it("gives a deliberately unscoped query no other organisation's survivors, referrals or audit entries", async () => {
    const subjects = await asApplication<{ organisation_id: string }>(newlight, `SELECT organisation_id FROM subject`);
    expect(subjects.length).toBeGreaterThan(0);
    expect(new Set(subjects.map((s) => s.organisation_id))).toEqual(new Set([newlight]));
    expect(await asApplication(newlight, `SELECT id FROM referral`)).toEqual([]);
    expect(await asApplication(newlight, `SELECT id FROM referral_event`)).toEqual([]);
    const audit = await asApplication<{ organisation_id: string }>(
      newlight,
      `SELECT DISTINCT organisation_id FROM audit_event`,
    );
    expect(audit).toEqual([{ organisation_id: newlight }]);

    // The receiving organisation sees the referral and, by pseudonym, its subject; the sender sees both.
    expect(await asApplication(mahima, `SELECT id FROM referral`)).toHaveLength(1);
    expect(await asApplication(mahima, `SELECT id FROM subject`)).toHaveLength(1);
    expect((await asApplication(jkps, `SELECT id FROM subject`)).length).toBeGreaterThan(0);
  });

  it("reads the caller's organisation once per statement, not once per row", async () => {
    const readPolicies = () =>
      t.sql<{ policyname: string; qual: string | null; with_check: string | null }>(
        `SELECT policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`,
      );
    const evaluatedPerRow = (policies: Awaited<ReturnType<typeof readPolicies>>) =>
      policies.filter(({ qual, with_check }) =>
        [qual, with_check].some((expression) => expression && evaluatedOncePerStatement(expression) !== expression),
      );
    const policies = await readPolicies();
    expect(policies.length).toBeGreaterThanOrEqual(18 * 3);
    expect(evaluatedPerRow(policies)).toEqual([]);

    // The migration's way back restores the per-row calls, and its way forth the policies above, exactly.
    const migration = new RowSecurityPerStatement1763955000000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const restored = await readPolicies();
      const wrapped = /\( SELECT (app_current_org\(\)|app_network_admin\(\)|CURRENT_USER) AS/;
      expect(restored.filter(({ qual, with_check }) => wrapped.test(`${qual} ${with_check}`))).toEqual([]);
      expect(evaluatedPerRow(restored).length).toBeGreaterThanOrEqual(18 * 3);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await readPolicies()).toEqual(policies);
  });

  it('shows nothing at all when no organisation is set', async () => {
    for (const table of ['organisation', 'facility', 'bed_unit', 'subject', 'referral', 'audit_event', 'app_user']) {
      expect({ table, rows: await asApplication(null, `SELECT 1 FROM ${table}`) }).toEqual({ table, rows: [] });
    }
  });

  it("refuses writes into another organisation's rows and any change to the audit trail", async () => {
    await expect(
      asApplication(
        newlight,
        `WITH changed AS (UPDATE subject SET nationality = 'XX' WHERE organisation_id = $1 RETURNING id) SELECT id FROM changed`,
        [jkps],
      ),
    ).resolves.toEqual([]);
    await expect(
      asApplication(
        newlight,
        `INSERT INTO code_counter (organisation_id, kind, year, last_value) VALUES ($1, 'SUBJECT', 2026, 99)`,
        [jkps],
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asApplication(newlight, `UPDATE organisation SET active = false WHERE id = $1`, [jkps]),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asApplication(newlight, `UPDATE membership SET roles = '{ORG_ADMIN}' WHERE organisation_id = $1`, [jkps]),
    ).rejects.toThrow(/row-level security/);
    await expect(asApplication(newlight, `UPDATE audit_event SET action = 'X'`)).rejects.toThrow(/permission denied/);
    await expect(asApplication(newlight, `DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
    await expect(asApplication(newlight, `TRUNCATE audit_event`)).rejects.toThrow(/permission denied/);
  });
});
