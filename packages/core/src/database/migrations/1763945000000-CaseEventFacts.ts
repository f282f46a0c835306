import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `concerning` as the repatriation service wrote it, per event kind, read back into its structured facts. */
const BACKFILL: { kind: string; facts: string }[] = [
  { kind: 'OPENED', facts: `jsonb_build_object('toStatus', 'OPEN')` },
  {
    kind: 'MILESTONE_UPDATED',
    facts: `jsonb_build_object('milestone', split_part(detail->>'concerning', ': ', 1),
                               'milestoneStatus', split_part(detail->>'concerning', ': ', 2))`,
  },
  {
    kind: 'DOCUMENT_RECORDED',
    facts: `jsonb_build_object('document', split_part(detail->>'concerning', ': ', 1),
                               'documentStatus', split_part(detail->>'concerning', ': ', 2))`,
  },
  {
    kind: 'DOCUMENT_EXPIRING',
    facts: `jsonb_build_object('document', split_part(detail->>'concerning', ': ', 1),
                               'expiresOn', split_part(detail->>'concerning', ': ', 2))`,
  },
  {
    kind: 'STATUS_CHANGED',
    facts: `jsonb_strip_nulls(jsonb_build_object('fromStatus', split_part(detail->>'concerning', ' → ', 1),
                                                 'toStatus', split_part(detail->>'concerning', ' → ', 2),
                                                 'reason', detail->'note'))`,
  },
  { kind: 'FOLLOW_UP_VISITED', facts: `jsonb_build_object('months', split_part(detail->>'concerning', ' ', 1)::int)` },
  {
    kind: 'COUNTERPART_SET',
    facts: `jsonb_strip_nulls(jsonb_build_object('counterpartOrganisationId',
              (SELECT o.id FROM organisation o WHERE o.short_name = detail->>'concerning')))`,
  },
];

const FACT_KEYS = [
  'milestone',
  'milestoneStatus',
  'document',
  'documentStatus',
  'expiresOn',
  'fromStatus',
  'toStatus',
  'reason',
  'months',
  'counterpartOrganisationId',
];

/**
 * Case events gain structured facts (step, statuses, document, reason, ...) beside the `concerning` text, so
 * the dashboard no longer parses that text. Events written before are given theirs here.
 */
export class CaseEventFacts1763945000000 implements MigrationInterface {
  name = 'CaseEventFacts1763945000000';

  async up(q: QueryRunner): Promise<void> {
    await withoutRowSecurity(q, async () => {
      for (const { kind, facts } of BACKFILL) {
        await q.query(`UPDATE case_event SET detail = detail || ${facts} WHERE kind = $1 AND detail ? 'concerning'`, [
          kind,
        ]);
      }
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await withoutRowSecurity(q, () => q.query(`UPDATE case_event SET detail = detail - $1::text[]`, [FACT_KEYS]));
  }
}

/** Row-level security is forced even on the owner; a migration rewrites every organisation's rows. */
async function withoutRowSecurity(q: QueryRunner, work: () => Promise<unknown>): Promise<void> {
  await q.query(`ALTER TABLE case_event NO FORCE ROW LEVEL SECURITY`);
  await work();
  await q.query(`ALTER TABLE case_event FORCE ROW LEVEL SECURITY`);
}
