import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763910000000-RowLevelSecurity';

/**
 * The few questions the platform must answer before it knows whose organisation a request concerns:
 * which account an email signs in to, whose session a refresh token is, whose invitation a token is,
 * and which organisations have maintenance due. Each runs as the owner (SECURITY DEFINER) and answers
 * only that; everything after it runs as the application role inside the organisation it names.
 */
const LOOKUPS = [
  {
    signature: 'app_sign_in_account(email text)',
    returns: 'TABLE (user_id uuid, organisation_id uuid, password_hash text, may_enter boolean)',
    // An account in several organisations signs in to its active membership first, then its oldest.
    body: `SELECT u.id, m.organisation_id, u.password_hash, (u.active AND m.active AND o.active)
             FROM app_user u
             JOIN membership m ON m.user_id = u.id
             JOIN organisation o ON o.id = m.organisation_id
            WHERE u.email = $1
            ORDER BY m.active DESC, m.created_at
            LIMIT 1`,
  },
  {
    signature: 'app_session_organisation(refresh_token_hash text)',
    returns: 'uuid',
    body: `SELECT organisation_id FROM app_session WHERE refresh_token_hash = $1 AND revoked_at IS NULL`,
  },
  {
    signature: 'app_invitation_organisation(token_hash text)',
    returns: 'uuid',
    body: `SELECT organisation_id FROM invitation WHERE token_hash = $1 AND accepted_at IS NULL`,
  },
  {
    signature: 'app_due_hold_organisations(due_at timestamptz)',
    returns: 'SETOF uuid',
    body: `SELECT DISTINCT to_organisation_id FROM referral WHERE status = 'ACCEPTED' AND hold_expires_at <= $1`,
  },
  {
    signature: 'app_due_document_organisations(horizon date)',
    returns: 'SETOF uuid',
    body: `SELECT DISTINCT c.home_organisation_id
             FROM case_document d JOIN repatriation_case c ON c.id = d.case_id
            WHERE d.expiry_notified_at IS NULL AND d.expires_on <= $1 AND d.status <> 'EXPIRED'`,
  },
];

/**
 * The gateway logs in as the application role itself instead of switching to it from the owner, so a
 * request-serving connection can never reach past row-level security. The role is cluster-wide: another
 * database on the same server (a test template's copy, a second run) may have created it already.
 */
export class GatewayLogin1763930000000 implements MigrationInterface {
  name = 'GatewayLogin1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}' AND rolcanlogin) THEN
          ALTER ROLE ${APP_ROLE} LOGIN;
        END IF;
      END $$`);
    for (const { signature, returns, body } of LOOKUPS) {
      await q.query(
        `CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ ${body} $$`,
      );
      await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { signature } of LOOKUPS) await q.query(`DROP FUNCTION ${signature}`);
  }
}
