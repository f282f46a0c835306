import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a subject is visible to an organisation asks, among others, whether it is the counterpart of the
 * subject's repatriation case (the subject loader and the row-security policy both do). Without an index on
 * the case's subject PostgreSQL answers that with a hash of every case the organisation is counterpart of,
 * which it prices by the organisation: a plan for an unknown organisation then looks dearer than one made for
 * the actual organisation, so the statement was planned afresh on every call (about 1 ms of the database's
 * time on each accepted referral). Probing the index per subject costs the same for any organisation.
 */
export class CaseSubjectIndex1763958000000 implements MigrationInterface {
  name = 'CaseSubjectIndex1763958000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX repatriation_subject_idx ON repatriation_case (subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX repatriation_subject_idx`);
  }
}
