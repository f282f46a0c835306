import { In } from 'typeorm';
import { Role } from '../../common/enums';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../common/errors';
import { requireUuid } from '../../common/ids';
import type { RequestContext } from '../../context/request-context';
import { OrganisationEntity } from '../organisation/organisation.entity';
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

/**
 * An organisation admin's staff list; a network administrator's list of every member of every
 * organisation (staff accounts only: survivors are never users).
 */
export async function listUsers(ctx: RequestContext): Promise<User[]> {
  const actor = ctx.requireActor();
  const everyone = actor.roles.has(Role.NETWORK_ADMIN);
  const memberships = await (
    await ctx.repo(MembershipEntity)
  ).find({ where: everyone ? {} : { organisationId: actor.organisationId } });
  const [users, organisations] = await Promise.all([
    (await ctx.repo(UserEntity)).findBy({ id: In([...new Set(memberships.map((m) => m.userId))]) }),
    (await ctx.repo(OrganisationEntity)).findBy({ id: In([...new Set(memberships.map((m) => m.organisationId))]) }),
  ]);
  const userOf = new Map(users.map((user) => [user.id, user]));
  const shortNameOf = new Map(organisations.map((org) => [org.id, org.shortName]));
  return memberships
    .map((membership) => toUser(userOf.get(membership.userId) as UserEntity, membership))
    .sort(
      (a, b) =>
        (shortNameOf.get(a.organisationId) ?? '').localeCompare(shortNameOf.get(b.organisationId) ?? '') ||
        a.email.localeCompare(b.email),
    );
}

/** No organisation admin grants the platform's own role: network administrators are made by the CLI. */
export function assertGrantable(roles: readonly Role[]): void {
  if (roles.includes(Role.NETWORK_ADMIN)) {
    throw new ForbiddenError('Only the platform operators can make a network administrator.');
  }
}

interface Member {
  user: UserEntity;
  membership: MembershipEntity;
}

/**
 * A member of the caller's own organisation, locked for the change. Another organisation's user is
 * NOT_FOUND, like one that does not exist. Admin changes of one organisation queue on one advisory
 * lock, so two admins demoting each other at once cannot leave the organisation without an admin.
 */
async function lockMember(ctx: RequestContext, userId: string): Promise<Member> {
  const actor = ctx.requireActor();
  const id = requireUuid(userId, 'userId');
  const manager = await ctx.db();
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`members:${actor.organisationId}`]);
  const membership = await manager.findOneBy(MembershipEntity, { userId: id, organisationId: actor.organisationId });
  const user = membership && (await manager.findOneBy(UserEntity, { id }));
  if (!user || !membership) throw new NotFoundError('User');
  if (membership.roles.includes(Role.NETWORK_ADMIN)) {
    throw new ForbiddenError("A network administrator's access is managed by the platform operators.");
  }
  return { user, membership };
}

const isActiveAdmin = ({ user, membership }: Member): boolean =>
  user.active && membership.active && membership.roles.includes(Role.ORG_ADMIN);

/**
 * Refuses a change that would leave the organisation without an active ORG_ADMIN who can sign in (an
 * admin whose invitation is still open does not count: it may expire unused).
 */
async function assertAnotherAdmin(ctx: RequestContext, member: Member, path: string): Promise<void> {
  const [row]: { n: number }[] = await (
    await ctx.db()
  ).query(
    `SELECT count(*)::int AS n
       FROM membership m
       JOIN app_user u ON u.id = m.user_id
      WHERE m.organisation_id = $1 AND m.user_id <> $2 AND m.active AND u.active
        AND u.password_hash IS NOT NULL AND $3 = ANY (m.roles)`,
    [member.membership.organisationId, member.user.id, Role.ORG_ADMIN],
  );
  if (!row || row.n === 0) {
    throw new BadUserInputError(
      'This is the last active organisation admin: make someone else an admin first.',
      [path],
      { reason: 'LAST_ORG_ADMIN' },
    );
  }
}

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean =>
  a.length === b.length && a.every((role) => b.includes(role));

/** Takes effect on the user's next request: roles are re-read from the database on every request. */
export async function setUserRoles(ctx: RequestContext, userId: string, roles: Role[]): Promise<User> {
  const member = await lockMember(ctx, userId);
  const wanted = [...new Set(roles)];
  assertGrantable(wanted);
  if (wanted.length === 0) {
    throw new BadUserInputError('Give at least one role; to end their access, deactivate the user instead.', ['roles']);
  }
  if (isActiveAdmin(member) && !wanted.includes(Role.ORG_ADMIN)) await assertAnotherAdmin(ctx, member, 'roles');

  const before = member.membership.roles;
  if (sameRoles(before, wanted)) return toUser(member.user, member.membership);
  member.membership.roles = wanted;
  await (
    await ctx.db()
  ).update(
    MembershipEntity,
    { organisationId: member.membership.organisationId, userId: member.user.id },
    { roles: wanted },
  );
  ctx.audit({
    action: 'USER_ROLES_CHANGED',
    entityType: 'User',
    entityId: member.user.id,
    detail: { organisationId: member.membership.organisationId, before, after: wanted },
  });
  return toUser(member.user, member.membership);
}

/** Deactivation ends the user's access to this organisation on their very next request. */
export async function setUserActive(ctx: RequestContext, userId: string, active: boolean): Promise<User> {
  const member = await lockMember(ctx, userId);
  if (member.membership.active === active) return toUser(member.user, member.membership);
  if (!active && isActiveAdmin(member)) await assertAnotherAdmin(ctx, member, 'active');

  member.membership.active = active;
  await (
    await ctx.db()
  ).update(MembershipEntity, { organisationId: member.membership.organisationId, userId: member.user.id }, { active });
  ctx.audit({
    action: active ? 'USER_REACTIVATED' : 'USER_DEACTIVATED',
    entityType: 'User',
    entityId: member.user.id,
    detail: { organisationId: member.membership.organisationId, roles: member.membership.roles },
  });
  return toUser(member.user, member.membership);
}
