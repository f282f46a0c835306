import type { MigrationInterface, QueryRunner } from 'typeorm';

const MILESTONE_KINDS = [
  'IDENTIFIED',
  'VOLUNTARINESS_ASSESSED',
  'NATIONALITY_VERIFICATION_REQUESTED',
  'NATIONALITY_VERIFIED',
  'FAMILY_TRACED',
  'HOME_INVESTIGATION_REPORT',
  'FAMILY_RISK_ASSESSED',
  'REPATRIATION_ORDER',
  'CLEARANCES',
  'TRAVEL_PERMIT',
  'ESCORT_ARRANGED',
  'HANDED_OVER',
  'REUNIFIED',
  'FOLLOW_UP',
]
  .map((kind) => `'${kind}'`)
  .join(', ');

export class Repatriation1763900000000 implements MigrationInterface {
  name = 'Repatriation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE repatriation_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        home_organisation_id uuid NOT NULL REFERENCES organisation (id),
        counterpart_organisation_id uuid REFERENCES organisation (id),
        subject_id uuid NOT NULL REFERENCES subject (id),
        consent_id uuid REFERENCES consent (id),
        status text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'HANDED_OVER', 'FOLLOW_UP', 'CLOSED', 'ON_HOLD',
                                               'CANCELLED')),
        status_reason text CHECK (length(status_reason) <= 2000),
        destination_country char(2) NOT NULL CHECK (destination_country ~ '^[A-Z]{2}$'),
        destination_region text CHECK (length(destination_region) <= 200),
        border_point text CHECK (length(border_point) <= 200),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT repatriation_parties CHECK (counterpart_organisation_id IS DISTINCT FROM home_organisation_id)
      )`);
    await q.query(`CREATE INDEX repatriation_home_idx ON repatriation_case (home_organisation_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX repatriation_counterpart_idx ON repatriation_case (counterpart_organisation_id, created_at DESC)`,
    );
    // One case under way per subject: a closed or cancelled one may be followed by a new one.
    await q.query(
      `CREATE UNIQUE INDEX repatriation_open_case_key ON repatriation_case (subject_id)
        WHERE status NOT IN ('CLOSED', 'CANCELLED')`,
    );

    await q.query(`
      CREATE TABLE milestone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES repatriation_case (id),
        kind text NOT NULL CHECK (kind IN (${MILESTONE_KINDS})),
        position int NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'NOT_APPLICABLE')),
        due_on date,
        completed_at timestamptz,
        note text CHECK (length(note) <= 2000),
        updated_by uuid REFERENCES app_user (id),
        updated_at timestamptz NOT NULL,
        UNIQUE (case_id, kind),
        CONSTRAINT milestone_completion CHECK ((status = 'DONE') = (completed_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX milestone_due_idx ON milestone (due_on) WHERE status NOT IN ('DONE', 'NOT_APPLICABLE')`,
    );

    await q.query(`
      CREATE TABLE follow_up_visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES repatriation_case (id),
        months int NOT NULL,
        due_on date NOT NULL,
        visited_at timestamptz,
        note text CHECK (length(note) <= 2000),
        UNIQUE (case_id, months)
      )`);

    await q.query(`
      CREATE TABLE case_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES repatriation_case (id),
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'RECEIVED', 'VERIFIED', 'EXPIRED')),
        issuer text CHECK (length(issuer) <= 200),
        reference text CHECK (length(reference) <= 200),
        issued_on date,
        expires_on date,
        expiry_notified_at timestamptz,
        recorded_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_document_case_idx ON case_document (case_id)`);
    await q.query(
      `CREATE INDEX case_document_expiry_idx ON case_document (expires_on) WHERE expiry_notified_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE case_event (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES repatriation_case (id),
        at timestamptz NOT NULL,
        actor_user_id uuid REFERENCES app_user (id),
        organisation_id uuid REFERENCES organisation (id),
        kind text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX case_event_case_idx ON case_event (case_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['case_event', 'case_document', 'follow_up_visit', 'milestone', 'repatriation_case']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
