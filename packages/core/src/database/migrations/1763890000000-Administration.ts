import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Administration1763890000000 implements MigrationInterface {
  name = 'Administration1763890000000';

  async up(q: QueryRunner): Promise<void> {
    // One-time invitations: only a hash of the token is kept, so a database dump cannot be used to sign up.
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX invitation_token_hash_key ON invitation (token_hash)`);
    await q.query(`CREATE INDEX invitation_organisation_idx ON invitation (organisation_id, user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitation`);
  }
}
