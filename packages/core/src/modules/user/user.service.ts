import { NotFoundError } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { MembershipEntity, UserEntity } from './user.entity';
import { membershipByKey, userById } from './user.loaders';
import { User } from './user.types';

export function toUser(user: UserEntity, membership: MembershipEntity): User {
  return Object.assign(new User(), {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: membership.roles,
    active: user.active && membership.active,
    organisationId: membership.organisationId,
  });
}

export async function userInOrganisation(ctx: RequestContext, userId: string, organisationId: string): Promise<User> {
  const manager = await ctx.db();
  const [user, membership] = await Promise.all([
    manager.findOneBy(UserEntity, { id: userId }),
    manager.findOneBy(MembershipEntity, { userId, organisationId }),
  ]);
  if (!user || !membership) throw new NotFoundError('User');
  return toUser(user, membership);
}

export function me(ctx: RequestContext): Promise<User> {
  const actor = ctx.requireActor();
  return userInOrganisation(ctx, actor.userId, actor.organisationId);
}

/** The staff member behind an event, as a member of the organisation they acted for. */
export async function actorOf(ctx: RequestContext, userId: string, organisationId: string): Promise<User | null> {
  const [user, membership] = await Promise.all([
    ctx.loaders.get(userById).load(userId),
    ctx.loaders.get(membershipByKey).load(`${userId}:${organisationId}`),
  ]);
  return user && membership ? toUser(user, membership) : null;
}
