import { In } from 'typeorm';
import { byKey, defineLoader, groupByKey } from '../../context/loaders';
import { ReferralEntity, ReferralEventEntity } from './referral.entity';

/** Referrals the caller's organisation sends or receives; any other answers null, like a missing one. */
export const visibleReferralById = defineLoader<string, ReferralEntity | null>(
  'visibleReferralById',
  async (ctx, ids) => {
    const me = ctx.requireActor().organisationId;
    const rows = await (
      await ctx.repo(ReferralEntity)
    )
      .createQueryBuilder('r')
      .where('r.id IN (:...ids)', { ids })
      .andWhere('(r.from_organisation_id = :me OR r.to_organisation_id = :me)', { me })
      .getMany();
    return byKey(ids, rows, (row) => row.id, null);
  },
);

export const eventsByReferral = defineLoader<string, ReferralEventEntity[]>('eventsByReferral', async (ctx, ids) => {
  const rows = await (
    await ctx.repo(ReferralEventEntity)
  ).find({
    where: { referralId: In([...ids]) },
    order: { id: 'ASC' },
  });
  return groupByKey(ids, rows, (row) => row.referralId);
});
