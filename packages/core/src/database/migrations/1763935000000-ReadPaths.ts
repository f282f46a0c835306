import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables that hang off a repatriation case and are visible exactly when the case is. */
const CASE_TABLES = ['milestone', 'follow_up_visit', 'case_document', 'case_event'];

/**
 * Written as "one of the caller's cases", not "a case the caller can see": PostgreSQL turned the correlated
 * EXISTS over the case table's own row security into a scan of every case in the network for each read of
 * milestones or documents (EXPLAIN: a sequential scan of 20,000 cases to show one organisation's 112). The
 * uncorrelated list of the caller's cases is read through the home and counterpart indexes instead. Same rows.
 */
const OWN_CASE = `case_id IN (SELECT c.id FROM repatriation_case c
  WHERE c.home_organisation_id = app_current_org() OR c.counterpart_organisation_id = app_current_org())`;
const VISIBLE_CASE = `EXISTS (SELECT 1 FROM repatriation_case c WHERE c.id = case_id)`;

async function casePolicies(q: QueryRunner, condition: string): Promise<void> {
  for (const table of CASE_TABLES) {
    await q.query(`ALTER POLICY ${table}_read ON ${table} USING (${condition})`);
    await q.query(`ALTER POLICY ${table}_insert ON ${table} WITH CHECK (${condition})`);
    await q.query(`ALTER POLICY ${table}_update ON ${table} USING (${condition}) WITH CHECK (${condition})`);
  }
}

/**
 * The inbox and outbox count every referral of the box on each page: with the other party and the status in
 * the index, the count (and row security's check of both parties) is answered from the index alone.
 */
async function boxIndexes(q: QueryRunner, covering: boolean): Promise<void> {
  const include = (column: string): string => (covering ? ` INCLUDE (${column}, status)` : '');
  await q.query(`DROP INDEX referral_inbox_idx`);
  await q.query(`DROP INDEX referral_outbox_idx`);
  await q.query(
    `CREATE INDEX referral_inbox_idx ON referral (to_organisation_id, created_at DESC, id DESC)${include('from_organisation_id')}`,
  );
  await q.query(
    `CREATE INDEX referral_outbox_idx ON referral (from_organisation_id, created_at DESC, id DESC)${include('to_organisation_id')}`,
  );
}

export class ReadPaths1763935000000 implements MigrationInterface {
  name = 'ReadPaths1763935000000';

  async up(q: QueryRunner): Promise<void> {
    await casePolicies(q, OWN_CASE);
    await boxIndexes(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await boxIndexes(q, false);
    await casePolicies(q, VISIBLE_CASE);
  }
}
