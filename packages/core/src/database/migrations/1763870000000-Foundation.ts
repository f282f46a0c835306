import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: string[]): string => values.map((v) => `'${v}'`).join(', ');
const ROLES = list([
  'NETWORK_ADMIN',
  'ORG_ADMIN',
  'CASEWORKER',
  'SHELTER_COORDINATOR',
  'REPATRIATION_LIAISON',
  'VIEWER',
]);
const SERVICES = list([
  'SHELTER',
  'MEDICAL',
  'COUNSELLING',
  'LEGAL_AID',
  'EDUCATION',
  'VOCATIONAL_TRAINING',
  'FAMILY_TRACING',
  'REPATRIATION_SUPPORT',
]);

export class Foundation1763870000000 implements MigrationInterface {
  name = 'Foundation1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        short_name text NOT NULL CHECK (short_name ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
        kind text NOT NULL CHECK (kind IN ('NGO', 'GOVERNMENT', 'LAW_ENFORCEMENT', 'FOREIGN_PARTNER')),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        region text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_short_name_key ON organisation (short_name)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`);

    await q.query(`
      CREATE TABLE membership (
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        roles text[] NOT NULL CHECK (roles <@ ARRAY[${ROLES}]::text[]),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, user_id)
      )`);
    await q.query(`CREATE INDEX membership_user_idx ON membership (user_id)`);

    await q.query(`
      CREATE TABLE facility (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('AFTERCARE_HOME', 'CHILDREN_HOME', 'SHELTER_HOME', 'TRANSIT_CENTRE',
                                           'DROP_IN_CENTRE', 'RESCUE_HOME')),
        district text NOT NULL,
        state text NOT NULL,
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        address text,
        services text[] NOT NULL DEFAULT '{}' CHECK (services <@ ARRAY[${SERVICES}]::text[]),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX facility_organisation_idx ON facility (organisation_id, name)`);
    await q.query(`CREATE INDEX facility_location_idx ON facility (country, state, district) WHERE active`);

    await q.query(`
      CREATE TABLE bed_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        facility_id uuid NOT NULL REFERENCES facility (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        sex text NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'OTHER')),
        min_age int NOT NULL CHECK (min_age >= 0),
        max_age int NOT NULL CHECK (max_age <= 120),
        capacity int NOT NULL,
        occupied int NOT NULL,
        held int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bed_unit_ages CHECK (min_age <= max_age),
        CONSTRAINT bed_unit_beds CHECK (capacity >= occupied + held AND occupied >= 0 AND held >= 0)
      )`);
    await q.query(`CREATE INDEX bed_unit_organisation_idx ON bed_unit (organisation_id, facility_id)`);
    await q.query(`CREATE INDEX bed_unit_facility_idx ON bed_unit (facility_id)`);

    await q.query(`
      CREATE TABLE bed_unit_history (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        bed_unit_id uuid NOT NULL REFERENCES bed_unit (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES app_user (id),
        reason text NOT NULL,
        before jsonb,
        after jsonb NOT NULL,
        note text CHECK (length(note) <= 1000)
      )`);
    await q.query(`CREATE INDEX bed_unit_history_unit_idx ON bed_unit_history (organisation_id, bed_unit_id, at)`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES app_user (id),
        organisation_id uuid REFERENCES organisation (id),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        detail jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_event_organisation_idx ON audit_event (organisation_id, id DESC)`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event',
      'bed_unit_history',
      'bed_unit',
      'facility',
      'membership',
      'app_user',
      'organisation',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
