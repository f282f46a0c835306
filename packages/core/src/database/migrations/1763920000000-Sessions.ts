import type { MigrationInterface, QueryRunner } from 'typeorm';
import { protectTable } from './1763910000000-RowLevelSecurity';

export class Sessions1763920000000 implements MigrationInterface {
  name = 'Sessions1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        refresh_token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        refreshed_at timestamptz,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX app_session_user_idx ON app_session (organisation_id, user_id)`);
    await protectTable(q, { table: 'app_session', read: 'organisation_id = app_current_org()' });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_session`);
  }
}
