import { In } from 'typeorm';
import { byKey, defineLoader } from '../../context/loaders';
import { MembershipEntity, UserEntity } from './user.entity';

export const userById = defineLoader<string, UserEntity | null>('userById', async (ctx, ids) => {
  const rows = await (await ctx.repo(UserEntity)).findBy({ id: In([...ids]) });
  return byKey(ids, rows, (row) => row.id, null);
});

/** Keyed by `userId:organisationId`. */
export const membershipByKey = defineLoader<string, MembershipEntity | null>('membershipByKey', async (ctx, keys) => {
  const userIds = [...new Set(keys.map((key) => key.split(':')[0] as string))];
  const rows = await (await ctx.repo(MembershipEntity)).findBy({ userId: In(userIds) });
  return byKey(keys, rows, (row) => `${row.userId}:${row.organisationId}`, null);
});
