import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role every signed-in request runs as: it owns nothing, is no superuser and cannot bypass row security. */
export const APP_ROLE = 'sahayog_app';

/** Rows the caller's organisation may touch, per table; each policy applies to the application role only. */
const ORG = 'app_current_org()';
const SET = `${ORG} IS NOT NULL`;

export interface TablePolicy {
  table: string;
  /** Which rows the application role sees. */
  read: string;
  /** Which rows it may insert or update; defaults to `read`. */
  write?: string;
  /** The application role may not update these (append-only). */
  appendOnly?: boolean;
}

const CASE_VISIBLE = `EXISTS (SELECT 1 FROM repatriation_case c WHERE c.id = case_id)`;

/**
 * Network-wide tables (organisations, facilities, bed units, staff) are readable by every signed-in
 * partner, as DESIGN.md says; a missing organisation setting still means no rows. Survivors' data
 * (subjects, consent, referrals, repatriation cases) and the audit trail are visible only to the
 * organisations they belong to or are shared with, mirroring the services' own checks.
 */
const POLICIES: TablePolicy[] = [
  // Only a network administrator onboards or deactivates organisations.
  { table: 'organisation', read: SET, write: 'app_network_admin()' },
  { table: 'app_user', read: SET },
  // Memberships change within one's own organisation, or for a new organisation's first administrator.
  { table: 'membership', read: SET, write: `organisation_id = ${ORG} OR app_network_admin()` },
  { table: 'facility', read: SET, write: `organisation_id = ${ORG}` },
  // Either side of a referral moves its bed hold (a sender's cancel releases the receiver's bed).
  { table: 'bed_unit', read: SET },
  { table: 'bed_unit_history', read: SET },
  { table: 'code_counter', read: `organisation_id = ${ORG}` },
  {
    table: 'subject',
    read: `organisation_id = ${ORG}
      OR EXISTS (SELECT 1 FROM referral r WHERE r.subject_id = subject.id AND r.to_organisation_id = ${ORG})
      OR EXISTS (SELECT 1 FROM repatriation_case c WHERE c.subject_id = subject.id AND c.counterpart_organisation_id = ${ORG})
      OR EXISTS (SELECT 1 FROM consent k WHERE k.subject_id = subject.id AND k.granted_to_organisation_id = ${ORG}
                   AND k.withdrawn_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()))`,
    write: `organisation_id = ${ORG}`,
  },
  {
    table: 'consent',
    read: `organisation_id = ${ORG} OR granted_to_organisation_id = ${ORG}`,
    write: `organisation_id = ${ORG}`,
  },
  { table: 'referral', read: `from_organisation_id = ${ORG} OR to_organisation_id = ${ORG}` },
  { table: 'referral_event', read: `EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_id)` },
  { table: 'repatriation_case', read: `home_organisation_id = ${ORG} OR counterpart_organisation_id = ${ORG}` },
  { table: 'milestone', read: CASE_VISIBLE },
  { table: 'follow_up_visit', read: CASE_VISIBLE },
  { table: 'case_document', read: CASE_VISIBLE },
  { table: 'case_event', read: CASE_VISIBLE },
  // A network administrator onboards an organisation together with its first administrator's invitation.
  { table: 'invitation', read: `organisation_id = ${ORG} OR app_network_admin()` },
  {
    table: 'audit_event',
    read: `organisation_id = ${ORG} OR app_network_admin()`,
    write: `organisation_id IS NOT DISTINCT FROM ${ORG} OR organisation_id IS NULL`,
    appendOnly: true,
  },
];

/** Grants the application role its access to a table, and confines it there with forced row-level security. */
export async function protectTable(q: QueryRunner, { table, read, write, appendOnly }: TablePolicy): Promise<void> {
  await q.query(`GRANT SELECT, INSERT${appendOnly ? '' : ', UPDATE'} ON ${table} TO ${APP_ROLE}`);
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  // Migrations, maintenance jobs and sign-in lookups run as the owner, not as the application role.
  await q.query(
    `CREATE POLICY ${table}_owner ON ${table} USING (current_user <> '${APP_ROLE}') WITH CHECK (current_user <> '${APP_ROLE}')`,
  );
  await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT TO ${APP_ROLE} USING (${read})`);
  await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT TO ${APP_ROLE} WITH CHECK (${write ?? read})`);
  if (!appendOnly) {
    await q.query(
      `CREATE POLICY ${table}_update ON ${table} FOR UPDATE TO ${APP_ROLE} USING (${read}) WITH CHECK (${write ?? read})`,
    );
  }
}

export class RowLevelSecurity1763910000000 implements MigrationInterface {
  name = 'RowLevelSecurity1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);
    // The connecting (owner) role switches to the application role per transaction.
    await q.query(`DO $$ BEGIN EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user); END $$`);
    await q.query(`
      CREATE FUNCTION app_current_org() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$`);
    await q.query(`
      CREATE FUNCTION app_network_admin() RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT coalesce(current_setting('app.network_admin', true), '') = 'on' $$`);
    // Appenders must see the whole chain's tip, which row security would hide from them.
    await q.query(`
      CREATE FUNCTION audit_chain_tip() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_chain_tip() FROM PUBLIC`);

    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT EXECUTE ON FUNCTION app_current_org(), app_network_admin(), audit_chain_tip() TO ${APP_ROLE}`);

    for (const policy of POLICIES) await protectTable(q, policy);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, appendOnly } of POLICIES) {
      for (const policy of ['owner', 'read', 'insert', ...(appendOnly ? [] : ['update'])]) {
        await q.query(`DROP POLICY ${table}_${policy} ON ${table}`);
      }
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM ${APP_ROLE}`);
    }
    await q.query(`DROP FUNCTION audit_chain_tip()`);
    await q.query(`DROP FUNCTION app_network_admin()`);
    await q.query(`DROP FUNCTION app_current_org()`);
  }
}
