import { byKey, defineLoader, groupByKey } from '../../context/loaders';
import { selectPlain } from '../../database/plain-rows';
import { ReferralEntity, ReferralEventEntity } from './referral.entity';

/** Referrals the caller's organisation sends or receives; any other answers null, like a missing one. */
export const visibleReferralById = defineLoader<string, ReferralEntity | null>(
  'visibleReferralById',
  async (ctx, ids) => {
    const me = ctx.requireActor().organisationId;
    const rows = await selectPlain(ctx, ReferralEntity, 'r', (qb) =>
      qb
        .where('r.id = ANY(:ids)', { ids })
        .andWhere('(r.from_organisation_id = :me OR r.to_organisation_id = :me)', { me }),
    );
    return byKey(ids, rows, (row) => row.id, null);
  },
);

export const eventsByReferral = defineLoader<string, ReferralEventEntity[]>('eventsByReferral', async (ctx, ids) => {
  const rows = await selectPlain(ctx, ReferralEventEntity, 'e', (qb) =>
    qb.where('e.referral_id = ANY(:ids)', { ids }).orderBy('e.id'),
  );
  return groupByKey(ids, rows, (row) => row.referralId);
});
