import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Referrals1763880000000 implements MigrationInterface {
  name = 'Referrals1763880000000';

  async up(q: QueryRunner): Promise<void> {
    // Pseudonym codes: one counter per organisation and year, advanced atomically.
    await q.query(`
      CREATE TABLE code_counter (
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        kind text NOT NULL,
        year int NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (organisation_id, kind, year)
      )`);

    await q.query(`
      CREATE TABLE subject (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        code text NOT NULL UNIQUE,
        sex text NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'OTHER')),
        age_estimate int CHECK (age_estimate BETWEEN 0 AND 120),
        age_estimated_on date,
        nationality char(2) NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
        identity_ciphertext text NOT NULL,
        identity_key_id text NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX subject_organisation_idx ON subject (organisation_id, created_at DESC)`);
    await q.query(`CREATE INDEX subject_key_idx ON subject (identity_key_id)`);

    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        subject_id uuid NOT NULL REFERENCES subject (id),
        granted_to_organisation_id uuid NOT NULL REFERENCES organisation (id),
        purpose text NOT NULL CHECK (purpose IN ('REFERRAL', 'REPATRIATION', 'DATA_MANAGEMENT', 'DEIDENTIFIED_RESEARCH')),
        given_by text NOT NULL CHECK (given_by IN ('SUBJECT', 'GUARDIAN', 'CHILD_WELFARE_COMMITTEE', 'COURT')),
        given_at timestamptz NOT NULL,
        expires_at timestamptz,
        withdrawn_at timestamptz,
        recorded_by uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX consent_organisation_idx ON consent (organisation_id, subject_id)`);
    await q.query(
      `CREATE INDEX consent_grantee_idx ON consent (granted_to_organisation_id, subject_id) WHERE withdrawn_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        from_organisation_id uuid NOT NULL REFERENCES organisation (id),
        to_organisation_id uuid NOT NULL REFERENCES organisation (id),
        to_facility_id uuid REFERENCES facility (id),
        subject_id uuid NOT NULL REFERENCES subject (id),
        consent_id uuid REFERENCES consent (id),
        status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'COMPLETED',
                                               'CANCELLED', 'EXPIRED')),
        urgency text NOT NULL CHECK (urgency IN ('ROUTINE', 'URGENT', 'EMERGENCY')),
        needs text[] NOT NULL CHECK (cardinality(needs) > 0),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
        held_unit_id uuid REFERENCES bed_unit (id),
        hold_expires_at timestamptz,
        decline_reason text,
        idempotency_key text,
        idempotency_digest text,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT referral_hold CHECK ((held_unit_id IS NULL) = (hold_expires_at IS NULL)),
        CONSTRAINT referral_parties CHECK (from_organisation_id <> to_organisation_id)
      )`);
    await q.query(`CREATE INDEX referral_outbox_idx ON referral (from_organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referral_inbox_idx ON referral (to_organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referral_subject_idx ON referral (subject_id)`);
    await q.query(`CREATE INDEX referral_hold_expiry_idx ON referral (hold_expires_at) WHERE status = 'ACCEPTED'`);
    await q.query(
      `CREATE UNIQUE INDEX referral_idempotency_key ON referral (from_organisation_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE referral_event (
        id bigserial PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referral (id),
        at timestamptz NOT NULL,
        status text NOT NULL,
        actor_user_id uuid REFERENCES app_user (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        note text CHECK (length(note) <= 2000)
      )`);
    await q.query(`CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['referral_event', 'referral', 'consent', 'subject', 'code_counter']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
