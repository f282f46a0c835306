import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calls of row-security policies that answer the same for every row of a statement: the caller's
 * organisation, the network-administrator flag, the current role.
 */
const PER_STATEMENT_CALLS = ['app_current_org()', 'app_network_admin()', 'CURRENT_USER'];

const escaped = (call: string): string => call.replace(/[()]/g, '\\$&');

/** Each bare call as a scalar sub-select, which PostgreSQL evaluates once per statement (an InitPlan). */
export function evaluatedOncePerStatement(expression: string): string {
  let rewritten = expression;
  for (const call of PER_STATEMENT_CALLS) {
    const bare = new RegExp(`(?<!SELECT )${escaped(call)}`, 'g');
    rewritten = rewritten.replace(bare, `(SELECT ${call})`);
  }
  return rewritten;
}

/** The other way, from the policies as `pg_policies` prints them: `( SELECT app_current_org() AS app_current_org)`. */
function evaluatedPerRow(expression: string): string {
  let rewritten = expression;
  for (const call of PER_STATEMENT_CALLS) {
    rewritten = rewritten.replace(new RegExp(`\\( SELECT ${escaped(call)} AS [^)]+\\)`, 'g'), call);
  }
  return rewritten;
}

interface Policy {
  policyname: string;
  tablename: string;
  qual: string | null;
  with_check: string | null;
}

async function rewritePolicies(q: QueryRunner, rewrite: (expression: string) => string): Promise<void> {
  const policies = (await q.query(
    `SELECT policyname, tablename, qual, with_check FROM pg_policies WHERE schemaname = 'public'`,
  )) as Policy[];
  for (const { policyname, tablename, qual, with_check } of policies) {
    const clauses = [
      ...(qual === null ? [] : [`USING (${rewrite(qual)})`]),
      ...(with_check === null ? [] : [`WITH CHECK (${rewrite(with_check)})`]),
    ];
    await q.query(`ALTER POLICY ${policyname} ON ${tablename} ${clauses.join(' ')}`);
  }
}

/**
 * Row security evaluated its policies' calls for every row a statement touched: reading the caller's
 * organisation from the session settings and parsing it as a uuid, once per row. The bed board scanned a
 * district's facilities and units at about 2.5 µs a row for it (EXPLAIN ANALYZE, 6,000 units), the referral
 * inbox likewise. As scalar sub-selects the same calls are evaluated once per statement, and a comparison with
 * the caller's organisation stays usable as an index condition. Same rows, same checks.
 */
export class RowSecurityPerStatement1763955000000 implements MigrationInterface {
  name = 'RowSecurityPerStatement1763955000000';

  async up(q: QueryRunner): Promise<void> {
    await rewritePolicies(q, evaluatedOncePerStatement);
  }

  async down(q: QueryRunner): Promise<void> {
    await rewritePolicies(q, evaluatedPerRow);
  }
}
