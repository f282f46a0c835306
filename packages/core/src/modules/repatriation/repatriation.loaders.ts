import { byKey, defineLoader, groupByKey } from '../../context/loaders';
import { selectPlain, whereKeyIn } from '../../database/plain-rows';
import {
  CaseDocumentEntity,
  CaseEventEntity,
  FollowUpVisitEntity,
  MilestoneEntity,
  RepatriationCaseEntity,
} from './repatriation.entity';

/** Cases the caller's organisation runs or is the counterpart of; any other answers null, like a missing one. */
export const visibleCaseById = defineLoader<string, RepatriationCaseEntity | null>(
  'visibleCaseById',
  async (ctx, ids) => {
    const me = ctx.requireActor().organisationId;
    const rows = await selectPlain(ctx, RepatriationCaseEntity, 'c', (qb) =>
      whereKeyIn(qb, 'c.id', ids).andWhere('(c.home_organisation_id = :me OR c.counterpart_organisation_id = :me)', {
        me,
      }),
    );
    return byKey(ids, rows, (row) => row.id, null);
  },
);

export const milestonesByCase = defineLoader<string, MilestoneEntity[]>('milestonesByCase', async (ctx, ids) => {
  const rows = await selectPlain(ctx, MilestoneEntity, 'm', (qb) =>
    whereKeyIn(qb, 'm.case_id', ids).orderBy('m.position'),
  );
  return groupByKey(ids, rows, (row) => row.caseId);
});

export const documentsByCase = defineLoader<string, CaseDocumentEntity[]>('documentsByCase', async (ctx, ids) => {
  const rows = await selectPlain(ctx, CaseDocumentEntity, 'd', (qb) =>
    whereKeyIn(qb, 'd.case_id', ids).orderBy('d.created_at').addOrderBy('d.id'),
  );
  return groupByKey(ids, rows, (row) => row.caseId);
});

export const visitsByCase = defineLoader<string, FollowUpVisitEntity[]>('visitsByCase', async (ctx, ids) => {
  const rows = await selectPlain(ctx, FollowUpVisitEntity, 'v', (qb) =>
    whereKeyIn(qb, 'v.case_id', ids).orderBy('v.months'),
  );
  return groupByKey(ids, rows, (row) => row.caseId);
});

export const caseEventsByCase = defineLoader<string, CaseEventEntity[]>('caseEventsByCase', async (ctx, ids) => {
  const rows = await selectPlain(ctx, CaseEventEntity, 'e', (qb) => whereKeyIn(qb, 'e.case_id', ids).orderBy('e.id'));
  return groupByKey(ids, rows, (row) => row.caseId);
});
