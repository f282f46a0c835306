import { In } from 'typeorm';
import { byKey, defineLoader, groupByKey } from '../../context/loaders';
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
    const rows = await (
      await ctx.repo(RepatriationCaseEntity)
    )
      .createQueryBuilder('c')
      .where('c.id IN (:...ids)', { ids })
      .andWhere('(c.home_organisation_id = :me OR c.counterpart_organisation_id = :me)', { me })
      .getMany();
    return byKey(ids, rows, (row) => row.id, null);
  },
);

export const milestonesByCase = defineLoader<string, MilestoneEntity[]>('milestonesByCase', async (ctx, ids) => {
  const rows = await (
    await ctx.repo(MilestoneEntity)
  ).find({ where: { caseId: In([...ids]) }, order: { position: 'ASC' } });
  return groupByKey(ids, rows, (row) => row.caseId);
});

export const documentsByCase = defineLoader<string, CaseDocumentEntity[]>('documentsByCase', async (ctx, ids) => {
  const rows = await (
    await ctx.repo(CaseDocumentEntity)
  ).find({
    where: { caseId: In([...ids]) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  return groupByKey(ids, rows, (row) => row.caseId);
});

export const visitsByCase = defineLoader<string, FollowUpVisitEntity[]>('visitsByCase', async (ctx, ids) => {
  const rows = await (
    await ctx.repo(FollowUpVisitEntity)
  ).find({ where: { caseId: In([...ids]) }, order: { months: 'ASC' } });
  return groupByKey(ids, rows, (row) => row.caseId);
});

export const caseEventsByCase = defineLoader<string, CaseEventEntity[]>('caseEventsByCase', async (ctx, ids) => {
  const rows = await (await ctx.repo(CaseEventEntity)).find({ where: { caseId: In([...ids]) }, order: { id: 'ASC' } });
  return groupByKey(ids, rows, (row) => row.caseId);
});
