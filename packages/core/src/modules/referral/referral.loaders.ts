import { byKey, defineLoader, groupByKey } from '../../context/loaders';
import { selectPlain, whereKeyIn } from '../../database/plain-rows';
import { ReferralEntity, ReferralEventEntity } from './referral.entity';

/** Referrals the caller's organisation sends or receives; any other answers null, like a missing one. */
export const visibleReferralById = defineLoader<string, ReferralEntity | null>(
  'visibleReferralById',
  async (ctx, ids) => {
    const me = ctx.requireActor().organisationId;
    const rows = await selectPlain(ctx, ReferralEntity, 'r', (qb) =>
      whereKeyIn(qb, 'r.id', ids).andWhere('(r.from_organisation_id = :me OR r.to_organisation_id = :me)', { me }),
    );
    return byKey(ids, rows, (row) => row.id, null);
  },
);

export const eventsByReferral = defineLoader<string, ReferralEventEntity[]>('eventsByReferral', async (ctx, ids) => {
  const rows = await selectPlain(ctx, ReferralEventEntity, 'e', (qb) =>
    whereKeyIn(qb, 'e.referral_id', ids).orderBy('e.id'),
  );
  return groupByKey(ids, rows, (row) => row.referralId);
});
