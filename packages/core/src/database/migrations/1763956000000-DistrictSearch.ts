import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bed board finds a district's facilities case-blind. `lower(district) = lower($1)` could not use an
 * index under row security: `lower` is not leakproof, so PostgreSQL must check the policy on every facility
 * of the network before it may apply it (EXPLAIN: a sequential scan of 2,000 facilities for a district's 40).
 * Equality on a stored lower-case copy is leakproof and goes through the index.
 */
export class DistrictSearch1763956000000 implements MigrationInterface {
  name = 'DistrictSearch1763956000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE facility ADD COLUMN lower_district text GENERATED ALWAYS AS (lower(district)) STORED`);
    await q.query(`CREATE INDEX facility_district_idx ON facility (lower_district) WHERE active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX facility_district_idx`);
    await q.query(`ALTER TABLE facility DROP COLUMN lower_district`);
  }
}
