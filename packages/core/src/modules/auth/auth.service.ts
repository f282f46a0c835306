import { createHash, randomBytes } from 'node:crypto';
import { escapeLiteral } from 'pg';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../common/enums';
import { BadUserInputError, UnauthenticatedError } from '../../common/errors';
import type { Actor, RequestContext } from '../../context/request-context';
import type { UnitOfWork } from '../../context/unit-of-work';
import { toUser } from '../user/user.service';
import { MembershipEntity, UserEntity } from '../user/user.entity';
import { SessionEntity } from './session.entity';
import type { AuthPayload } from './auth.types';
import { assertPasswordAllowed, PasswordRefusal } from './password-policy';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords';
import type { SessionClaims } from './session-tokens';

interface Credentials {
  userId: string;
  organisationId: string;
  passwordHash: string | null;
  mayEnter: boolean;
}

/** Asked before anyone is signed in, so through the one lookup the application role may make across organisations. */
async function findCredentials(manager: EntityManager, email: string): Promise<Credentials | null> {
  const rows: {
    user_id: string;
    organisation_id: string;
    password_hash: string | null;
    may_enter: boolean;
  }[] = await manager.query(`SELECT * FROM app_sign_in_account($1)`, [email]);
  const row = rows[0];
  return row
    ? {
        userId: row.user_id,
        organisationId: row.organisation_id,
        passwordHash: row.password_hash,
        mayEnter: row.may_enter,
      }
    : null;
}

export async function login(ctx: RequestContext, emailInput: string, password: string): Promise<AuthPayload> {
  const email = emailInput.trim().toLowerCase();
  const { loginThrottle } = ctx.platform;
  await loginThrottle.assertAllowed(email, ctx.request.clientAddress);

  const credentials = await findCredentials(await ctx.db(), email);
  const passwordMatches = credentials?.passwordHash
    ? await verifyPassword(credentials.passwordHash, password)
    : await verifyAgainstDecoy(password);

  if (!credentials || !passwordMatches || !credentials.mayEnter) {
    await loginThrottle.recordFailure(email, ctx.request.clientAddress);
    ctx.auditEvenIfRefused({
      action: 'LOGIN_FAILED',
      entityType: 'User',
      entityId: credentials?.userId ?? null,
      organisationId: credentials?.organisationId ?? null,
    });
    throw new UnauthenticatedError('The email or password is not right, or the account is not active.');
  }

  await loginThrottle.recordSuccess(email);
  await ctx.unitOfWork.enterOrganisation(credentials.organisationId);
  const manager = await ctx.db();
  const [user, membership] = await Promise.all([
    manager.findOneByOrFail(UserEntity, { id: credentials.userId }),
    manager.findOneByOrFail(MembershipEntity, {
      userId: credentials.userId,
      organisationId: credentials.organisationId,
    }),
  ]);
  const session = await startSession(ctx, user.id, membership.organisationId);
  ctx.audit({
    action: 'LOGIN',
    entityType: 'User',
    entityId: user.id,
    actorUserId: user.id,
    organisationId: membership.organisationId,
  });
  return { ...session, user: toUser(user, membership) };
}

const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');

interface SessionTokensIssued {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** A new session for a user who just proved who they are (password, invitation). */
export async function startSession(
  ctx: RequestContext,
  userId: string,
  organisationId: string,
): Promise<SessionTokensIssued> {
  const now = ctx.now();
  const refreshToken = randomBytes(32).toString('base64url');
  const refreshExpiresAt = new Date(now.getTime() + ctx.platform.settings.refreshTokenTtlDays * 86_400_000);
  const { identifiers } = await (
    await ctx.db()
  ).insert(SessionEntity, {
    organisationId,
    userId,
    refreshTokenHash: hashRefreshToken(refreshToken),
    createdAt: now,
    refreshedAt: null,
    expiresAt: refreshExpiresAt,
    revokedAt: null,
  });
  const sessionId = identifiers[0]?.['id'] as string;
  const access = await ctx.platform.sessions.issue({ userId, organisationId, sessionId });
  return { ...access, refreshToken, refreshExpiresAt };
}

const SESSION_ENDED = 'This session has ended. Sign in again.';

/**
 * Swaps a refresh token for a new access token and a new refresh token: the old one stops working, so a
 * stolen copy is good for one use at most, and not at all once the owner has refreshed.
 */
export async function refreshSession(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
  const manager = await ctx.db();
  const now = ctx.now();
  const refreshTokenHash = hashRefreshToken(refreshToken);
  const [owner]: { organisation_id: string | null }[] = await manager.query(
    `SELECT app_session_organisation($1) AS organisation_id`,
    [refreshTokenHash],
  );
  if (!owner?.organisation_id) throw new UnauthenticatedError(SESSION_ENDED);
  await ctx.unitOfWork.enterOrganisation(owner.organisation_id);
  const rows: { id: string; user_id: string; organisation_id: string; expires_at: Date; may_enter: boolean }[] =
    await manager.query(
      `SELECT s.id, s.user_id, s.organisation_id, s.expires_at, (u.active AND m.active AND o.active) AS may_enter
         FROM app_session s
         JOIN app_user u ON u.id = s.user_id
         JOIN membership m ON m.user_id = s.user_id AND m.organisation_id = s.organisation_id
         JOIN organisation o ON o.id = s.organisation_id
        WHERE s.refresh_token_hash = $1 AND s.revoked_at IS NULL
        FOR UPDATE OF s`,
      [refreshTokenHash],
    );
  const session = rows[0];
  if (!session || session.expires_at <= now || !session.may_enter) throw new UnauthenticatedError(SESSION_ENDED);

  const next = randomBytes(32).toString('base64url');
  await manager.update(
    SessionEntity,
    { id: session.id },
    { refreshTokenHash: hashRefreshToken(next), refreshedAt: now },
  );
  const access = await ctx.platform.sessions.issue({
    userId: session.user_id,
    organisationId: session.organisation_id,
    sessionId: session.id,
  });
  const [user, membership] = await Promise.all([
    manager.findOneByOrFail(UserEntity, { id: session.user_id }),
    manager.findOneByOrFail(MembershipEntity, { userId: session.user_id, organisationId: session.organisation_id }),
  ]);
  ctx.audit({
    action: 'SESSION_REFRESHED',
    entityType: 'User',
    entityId: session.user_id,
    actorUserId: session.user_id,
    organisationId: session.organisation_id,
  });
  return { ...access, refreshToken: next, refreshExpiresAt: session.expires_at, user: toUser(user, membership) };
}

/** Ends the caller's session: its access and refresh tokens are refused from the next request on. */
export async function signOut(ctx: RequestContext): Promise<boolean> {
  const actor = ctx.requireActor();
  await (await ctx.db()).update(SessionEntity, { id: actor.sessionId, userId: actor.userId }, { revokedAt: ctx.now() });
  ctx.audit({ action: 'LOGOUT', entityType: 'User', entityId: actor.userId });
  return true;
}

/**
 * The actor behind a verified token, or null when the user, membership or organisation is no longer
 * active. Runs on every request, as the read that opens its transaction (one round trip with the
 * beginning): the claims' ids go in as escaped literals.
 */
export async function resolveActor(unitOfWork: UnitOfWork, claims: SessionClaims): Promise<Actor | null> {
  const [user, organisation, session] = [claims.userId, claims.organisationId, claims.sessionId].map(escapeLiteral);
  const rows = await unitOfWork.openWith<{ roles: Role[] | null }>(
    `SELECT app_actor_roles(${user}::uuid, ${organisation}::uuid, ${session}::uuid) AS roles`,
  );
  const roles = rows[0]?.roles;
  return roles
    ? {
        userId: claims.userId,
        organisationId: claims.organisationId,
        sessionId: claims.sessionId,
        roles: new Set(roles),
      }
    : null;
}

/**
 * A signed-in user's new password, under the password policy. The current password must be given: a
 * session left open on a shared computer is not enough to take the account over. Wrong guesses count
 * against the same per-account throttle as sign-in, and write nothing.
 */
export async function changePassword(
  ctx: RequestContext,
  currentPassword: string,
  newPassword: string,
): Promise<boolean> {
  const actor = ctx.requireActor();
  const manager = await ctx.db();
  const [account]: { email: string; password_hash: string | null }[] = await manager.query(
    `SELECT email, password_hash FROM app_user WHERE id = $1 FOR UPDATE`,
    [actor.userId],
  );
  if (!account) throw new UnauthenticatedError();
  const { loginThrottle } = ctx.platform;
  await loginThrottle.assertAllowed(account.email, ctx.request.clientAddress);
  if (!account.password_hash || !(await verifyPassword(account.password_hash, currentPassword))) {
    await loginThrottle.recordFailure(account.email, ctx.request.clientAddress);
    throw new BadUserInputError('The current password is not right.', ['currentPassword'], {
      reason: PasswordRefusal.WRONG_CURRENT,
    });
  }
  if (newPassword === currentPassword) {
    throw new BadUserInputError('Choose a password different from the current one.', ['newPassword'], {
      reason: PasswordRefusal.UNCHANGED,
    });
  }
  assertPasswordAllowed(newPassword, account.email, 'newPassword');
  await manager.update(UserEntity, { id: actor.userId }, { passwordHash: await hashPassword(newPassword) });
  ctx.audit({ action: 'PASSWORD_CHANGED', entityType: 'User', entityId: actor.userId });
  return true;
}
