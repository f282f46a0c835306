import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763910000000-RowLevelSecurity';

/**
 * Appending to the audit chain takes its lock and reads its tip in one round trip instead of two. Every
 * audited write in the network waits for the lock while the holder reads the tip, inserts and commits, so each
 * round trip inside it (and each turn of a busy gateway's event loop between them) is paid by all waiters.
 * PL/pgSQL and VOLATILE because the tip must be read by a statement that starts after the lock is granted:
 * in READ COMMITTED such a statement sees the previous holder's committed entry. Security definer, as the tip
 * it replaces was: row security would hide other organisations' entries from the appender.
 */
export class AuditChainClaim1763959000000 implements MigrationInterface {
  name = 'AuditChainClaim1763959000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_chain_claim() RETURNS text
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        tip text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7240001);
        SELECT hash INTO tip FROM audit_event ORDER BY id DESC LIMIT 1;
        RETURN tip;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_chain_claim() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_chain_claim() TO ${APP_ROLE}`);
    await q.query(`DROP FUNCTION audit_chain_tip()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_chain_tip() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_chain_tip() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_chain_tip() TO ${APP_ROLE}`);
    await q.query(`DROP FUNCTION audit_chain_claim()`);
  }
}
