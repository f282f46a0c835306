import { isEmail } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Role } from '../common/enums';
import { AuditLog, type AuditEntry } from '../modules/audit/audit.chain';
import { assertPasswordAllowed } from '../modules/auth/password-policy';
import { hashPassword } from '../modules/auth/passwords';
import { InvitationEntity } from '../modules/invitation/invitation.entity';
import { hashInvitationToken, newInvitationToken, normaliseEmail } from '../modules/invitation/invitation.service';
import { MembershipEntity } from '../modules/user/user.entity';
import { NETWORK_SECRETARIAT } from './demo/demo-network';

export interface NetworkAdminRequest {
  email: string;
  displayName: string;
  /** Set at once when given (checked against the password policy); otherwise an invitation is made. */
  password?: string | undefined;
  invitationTtlHours: number;
  clock?: () => Date;
}

export interface NetworkAdminCreated {
  userId: string;
  organisationId: string;
  /** The one-time token, when no password was given: shown once, only its hash is stored. */
  invitation: { token: string; expiresAt: Date } | null;
}

/** A refusal the operator can fix: a bad email or name, a weak password, an address already in use. */
export class NetworkAdminError extends Error {}

/**
 * Bootstraps a network administrator on a fresh database (`sahayog admin create-network-admin`): the
 * network secretariat organisation when missing, the account, its NETWORK_ADMIN membership and either
 * the given password or a one-time invitation, audited, in one transaction.
 */
export async function createNetworkAdmin(
  dataSource: DataSource,
  request: NetworkAdminRequest,
): Promise<NetworkAdminCreated> {
  const now = (request.clock ?? (() => new Date()))();
  const email = normaliseEmail(request.email);
  const displayName = request.displayName.trim();
  if (!isEmail(email)) throw new NetworkAdminError(`"${request.email}" is not an email address.`);
  if (!displayName || displayName.length > 200) throw new NetworkAdminError('Give a name of 1 to 200 characters.');
  if (request.password !== undefined) {
    try {
      assertPasswordAllowed(request.password, email, 'password');
    } catch (error) {
      throw new NetworkAdminError(`SAHAYOG_ADMIN_PASSWORD: ${(error as Error).message}`);
    }
  }
  const passwordHash = request.password === undefined ? null : await hashPassword(request.password);

  return dataSource.transaction(async (manager) => {
    const audit: AuditEntry[] = [];
    const secretariat: { id: string }[] = await manager.query(
      `WITH created AS (
         INSERT INTO organisation (name, short_name, kind, country, region) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (short_name) DO NOTHING
         RETURNING id)
       SELECT id FROM created`,
      [
        NETWORK_SECRETARIAT.name,
        NETWORK_SECRETARIAT.shortName,
        NETWORK_SECRETARIAT.kind,
        NETWORK_SECRETARIAT.country,
        NETWORK_SECRETARIAT.region,
      ],
    );
    let organisationId = secretariat[0]?.id;
    if (organisationId) {
      audit.push({
        at: now,
        actorUserId: null,
        organisationId,
        action: 'ORGANISATION_CREATED',
        entityType: 'Organisation',
        entityId: organisationId,
        detail: { shortName: NETWORK_SECRETARIAT.shortName, via: 'cli' },
      });
    } else {
      const [existing]: { id: string }[] = await manager.query(`SELECT id FROM organisation WHERE short_name = $1`, [
        NETWORK_SECRETARIAT.shortName,
      ]);
      organisationId = (existing as { id: string }).id;
    }

    const created: { id: string }[] = await manager.query(
      `WITH created AS (
         INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO NOTHING
         RETURNING id)
       SELECT id FROM created`,
      [email, displayName, passwordHash],
    );
    const userId = created[0]?.id;
    if (!userId) throw new NetworkAdminError(`An account with the email ${email} already exists.`);
    await manager.insert(MembershipEntity, { organisationId, userId, roles: [Role.NETWORK_ADMIN] });

    let invitation: NetworkAdminCreated['invitation'] = null;
    let invitationId: string | undefined;
    if (passwordHash === null) {
      const token = newInvitationToken();
      const expiresAt = new Date(now.getTime() + request.invitationTtlHours * 3_600_000);
      const { identifiers } = await manager.insert(InvitationEntity, {
        organisationId,
        userId,
        tokenHash: hashInvitationToken(token),
        expiresAt,
        acceptedAt: null,
        createdBy: null,
        createdAt: now,
      });
      invitation = { token, expiresAt };
      invitationId = identifiers[0]?.['id'] as string;
    }
    audit.push({
      at: now,
      actorUserId: null,
      organisationId,
      action: invitation ? 'USER_INVITED' : 'USER_CREATED',
      entityType: 'User',
      entityId: userId,
      detail: { organisationId, roles: [Role.NETWORK_ADMIN], via: 'cli', ...(invitationId ? { invitationId } : {}) },
    });
    await new AuditLog(dataSource).append(manager, audit);
    return { userId, organisationId, invitation };
  });
}
