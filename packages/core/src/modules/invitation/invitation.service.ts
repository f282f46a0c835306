import { createHash, randomBytes } from 'node:crypto';
import { Role } from '../../common/enums';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../common/errors';
import { requireUuid } from '../../common/ids';
import { startSession } from '../auth/auth.service';
import type { RequestContext } from '../../context/request-context';
import type { AuthPayload } from '../auth/auth.types';
import { assertPasswordAllowed } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { MembershipEntity, UserEntity } from '../user/user.entity';
import { assertGrantable, userInOrganisation } from '../user/user.service';
import type { User } from '../user/user.types';
import { InvitationEntity } from './invitation.entity';
import { openInvitationByMember } from './invitation.loaders';
import { Invitation, PendingInvitation, type InviteUserInput } from './invitation.types';

/** 256 random bits, URL-safe: shown once, in the answer that creates it. */
export const newInvitationToken = (): string => randomBytes(32).toString('base64url');

/** A token this random cannot be guessed or brute-forced from its hash, so sha256 suffices (no argon2 needed). */
export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const INVALID_INVITATION =
  'This invitation is not valid: it may have been used already or have expired. Ask your administrator for a new one.';

export interface NewMember {
  organisationId: string;
  email: string;
  displayName: string;
  roles: Role[];
}

/** Input paths to name in refusals, so a form can mark the control. */
export interface MemberPaths {
  email: string;
  displayName: string;
}

/**
 * A new account without a password, its membership, and a one-time invitation to set the password. An
 * email already in use is a CONFLICT: the insert claims it atomically, so two concurrent invitations
 * of one address cannot both succeed.
 */
export async function issueInvitation(ctx: RequestContext, member: NewMember, paths: MemberPaths): Promise<Invitation> {
  const email = normaliseEmail(member.email);
  const displayName = member.displayName.trim();
  if (!displayName) throw new BadUserInputError("Give the person's name.", [paths.displayName]);
  const roles = [...new Set(member.roles)];

  const manager = await ctx.db();
  const now = ctx.now();
  const created: { id: string }[] = await manager.query(
    `WITH created AS (
       INSERT INTO app_user (email, display_name, password_hash, created_at, updated_at)
       VALUES ($1, $2, NULL, $3, $3)
       ON CONFLICT (email) DO NOTHING
       RETURNING id)
     SELECT id FROM created`,
    [email, displayName, now],
  );
  const userId = created[0]?.id;
  if (!userId) throw new ConflictError('An account with this email address already exists.', { fields: [paths.email] });

  await manager.insert(MembershipEntity, {
    organisationId: member.organisationId,
    userId,
    roles,
    active: true,
    createdAt: now,
  });
  const { invitationId, token, expiresAt } = await insertInvitation(ctx, member.organisationId, userId);
  ctx.audit({
    action: 'USER_INVITED',
    entityType: 'User',
    entityId: userId,
    detail: { organisationId: member.organisationId, roles, invitationId, expiresAt: expiresAt.toISOString() },
  });
  return Object.assign(new Invitation(), {
    user: await userInOrganisation(ctx, userId, member.organisationId),
    token,
    expiresAt,
  });
}

interface NewInvitation {
  invitationId: string;
  token: string;
  expiresAt: Date;
}

/** A fresh one-time token for a member, valid for INVITATION_TTL_HOURS; only its hash is stored. */
async function insertInvitation(ctx: RequestContext, organisationId: string, userId: string): Promise<NewInvitation> {
  const now = ctx.now();
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + ctx.platform.settings.invitationTtlHours * 3_600_000);
  const { identifiers } = await (
    await ctx.db()
  ).insert(InvitationEntity, {
    organisationId,
    userId,
    tokenHash: hashInvitationToken(token),
    expiresAt,
    acceptedAt: null,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now,
  });
  return { invitationId: String(identifiers[0]?.['id']), token, expiresAt };
}

export function inviteUser(ctx: RequestContext, input: InviteUserInput): Promise<Invitation> {
  const actor = ctx.requireActor();
  assertGrantable(input.roles);
  return issueInvitation(
    ctx,
    { organisationId: actor.organisationId, email: input.email, displayName: input.displayName, roles: input.roles },
    { email: 'input.email', displayName: 'input.displayName' },
  );
}

/**
 * Sets the invitee's first password and signs them in. The invitation is claimed by one guarded UPDATE,
 * so a token works once even when two requests race with it; a refusal after the claim (a weak
 * password) rolls the claim back with everything else, and the token stays usable.
 */
export async function acceptInvitation(ctx: RequestContext, token: string, password: string): Promise<AuthPayload> {
  const manager = await ctx.db();
  const now = ctx.now();
  const tokenHash = hashInvitationToken(token);
  const [owner]: { organisation_id: string | null }[] = await manager.query(
    `SELECT app_invitation_organisation($1) AS organisation_id`,
    [tokenHash],
  );
  if (!owner?.organisation_id) throw new UnauthenticatedError(INVALID_INVITATION);
  await ctx.unitOfWork.enterOrganisation(owner.organisation_id);
  const claimed: { id: string; user_id: string; organisation_id: string }[] = await manager.query(
    `WITH claimed AS (
       UPDATE invitation SET accepted_at = $2
        WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2
        RETURNING id, user_id, organisation_id)
     SELECT id, user_id, organisation_id FROM claimed`,
    [tokenHash, now],
  );
  const invitation = claimed[0];
  if (!invitation) throw new UnauthenticatedError(INVALID_INVITATION);
  const { user_id: userId, organisation_id: organisationId } = invitation;

  const [account]: { email: string; may_enter: boolean }[] = await manager.query(
    `SELECT u.email, (u.active AND m.active AND o.active) AS may_enter
       FROM app_user u
       JOIN membership m ON m.user_id = u.id
       JOIN organisation o ON o.id = m.organisation_id
      WHERE u.id = $1 AND m.organisation_id = $2`,
    [userId, organisationId],
  );
  // Deactivated since the invitation was made: the account may not enter, so it gets no password either.
  if (!account?.may_enter) throw new UnauthenticatedError(INVALID_INVITATION);
  assertPasswordAllowed(password, account.email, 'password');

  await manager.update(UserEntity, { id: userId }, { passwordHash: await hashPassword(password), updatedAt: now });
  const session = await startSession(ctx, userId, organisationId);
  ctx.audit({
    action: 'INVITATION_ACCEPTED',
    entityType: 'User',
    entityId: userId,
    actorUserId: userId,
    organisationId,
    detail: { invitationId: invitation.id },
  });
  return { ...session, user: await userInOrganisation(ctx, userId, organisationId) };
}

/**
 * Whose pending invitation the caller may see: their own organisation's (ORG_ADMIN), everyone's
 * (NETWORK_ADMIN). Anyone else learns nothing, not even that an account is unused.
 */
export async function pendingInvitationOf(ctx: RequestContext, user: User): Promise<PendingInvitation | null> {
  const mayKnow =
    ctx.hasRole(Role.NETWORK_ADMIN) ||
    (ctx.hasRole(Role.ORG_ADMIN) && ctx.actor?.organisationId === user.organisationId);
  if (!mayKnow) return null;
  const open = await ctx.loaders.get(openInvitationByMember).load(`${user.id}:${user.organisationId}`);
  if (!open) return null;
  return Object.assign(new PendingInvitation(), {
    expiresAt: open.expiresAt,
    expired: open.expiresAt.getTime() <= ctx.now().getTime(),
  });
}

/**
 * The membership a caller may re-invite: a member of their own organisation (ORG_ADMIN), or an
 * organisation admin of any organisation (NETWORK_ADMIN: when a partner's only admin missed the window,
 * nobody inside can do it). Staff of other organisations are NOT_FOUND, as everywhere.
 */
async function reinvitableMembership(ctx: RequestContext, userId: string): Promise<MembershipEntity> {
  const actor = ctx.requireActor();
  const memberships = await (await ctx.db()).findBy(MembershipEntity, { userId: requireUuid(userId, 'userId') });
  const own = ctx.hasRole(Role.ORG_ADMIN)
    ? memberships.find((membership) => membership.organisationId === actor.organisationId)
    : undefined;
  const networkAdmin = ctx.hasRole(Role.NETWORK_ADMIN);
  const membership = own ?? (networkAdmin ? memberships.find((m) => m.roles.includes(Role.ORG_ADMIN)) : undefined);
  if (!membership) {
    if (networkAdmin && memberships.length > 0) {
      throw new ForbiddenError("Only the organisation's own admins re-invite its staff.");
    }
    throw new NotFoundError('User');
  }
  if (membership.roles.includes(Role.NETWORK_ADMIN)) {
    throw new ForbiddenError("A network administrator's access is managed by the platform operators.");
  }
  return membership;
}

/**
 * A new link for someone who has not set a password yet (the first one expired or was lost). Earlier
 * links stop working at once. The open invitations are expired before the account is read, in the
 * order acceptInvitation locks them (invitation, then account), so a reissue racing an acceptance
 * either waits for it and is refused, or wins and the old token is dead.
 */
export async function reissueInvitation(ctx: RequestContext, userId: string): Promise<Invitation> {
  const membership = await reinvitableMembership(ctx, userId);
  const manager = await ctx.db();
  const now = ctx.now();
  const replaced: { id: string }[] = await manager.query(
    `WITH replaced AS (
       UPDATE invitation SET expires_at = $3
        WHERE user_id = $1 AND organisation_id = $2 AND accepted_at IS NULL AND expires_at > $3
        RETURNING id)
     SELECT id FROM replaced`,
    [membership.userId, membership.organisationId, now],
  );
  const [account]: { has_password: boolean; may_enter: boolean }[] = await manager.query(
    `SELECT u.password_hash IS NOT NULL AS has_password, (u.active AND o.active) AS may_enter
       FROM app_user u, organisation o
      WHERE u.id = $1 AND o.id = $2
        FOR UPDATE OF u`,
    [membership.userId, membership.organisationId],
  );
  if (!account) throw new NotFoundError('User');
  if (account.has_password) {
    throw new BadUserInputError('This person has already set a password and can sign in.', ['userId'], {
      reason: 'INVITATION_ACCEPTED',
    });
  }
  if (!account.may_enter || !membership.active) {
    throw new BadUserInputError('This account or its organisation is deactivated: reactivate it first.', ['userId'], {
      reason: 'ACCOUNT_INACTIVE',
    });
  }
  const { invitationId, token, expiresAt } = await insertInvitation(ctx, membership.organisationId, membership.userId);
  ctx.audit({
    action: 'INVITATION_REISSUED',
    entityType: 'User',
    entityId: membership.userId,
    detail: {
      organisationId: membership.organisationId,
      invitationId,
      replaced: replaced.map((row) => row.id),
      expiresAt: expiresAt.toISOString(),
    },
  });
  ctx.loaders.get(openInvitationByMember).clear(`${membership.userId}:${membership.organisationId}`);
  return Object.assign(new Invitation(), {
    user: await userInOrganisation(ctx, membership.userId, membership.organisationId),
    token,
    expiresAt,
  });
}
