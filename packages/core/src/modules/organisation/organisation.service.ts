import { Role } from '../../common/enums';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { requireUuid } from '../../common/ids';
import type { RequestContext } from '../../context/request-context';
import { Topic, type OrganisationChanged } from '../../context/topics';
import { issueInvitation } from '../invitation/invitation.service';
import type { Invitation } from '../invitation/invitation.types';
import { OrganisationEntity } from './organisation.entity';
import { organisationById } from './organisation.loaders';
import { Organisation, type CreateOrganisationInput } from './organisation.types';

export function toOrganisation(entity: OrganisationEntity): Organisation {
  return Object.assign(new Organisation(), {
    id: entity.id,
    name: entity.name,
    shortName: entity.shortName,
    kind: entity.kind,
    country: entity.country,
    region: entity.region,
    active: entity.active,
  });
}

export async function listOrganisations(ctx: RequestContext): Promise<Organisation[]> {
  const rows = await (await ctx.repo(OrganisationEntity)).find({ order: { shortName: 'ASC' } });
  return rows.map(toOrganisation);
}

export async function getOrganisation(ctx: RequestContext, id: string): Promise<Organisation> {
  const row = await ctx.loaders.get(organisationById).load(requireUuid(id, 'id'));
  if (!row) throw new NotFoundError('Organisation');
  return toOrganisation(row);
}

/** For references that the database guarantees (foreign keys), so a miss is a bug, not a client error. */
/** At once when a list read brought the organisation along (the bed board, the inbox), else loaded. */
export function organisationOf(ctx: RequestContext, id: string): Organisation | Promise<Organisation> {
  return ctx.loaders.get(organisationById).mapped(id, (row) => {
    if (!row) throw new Error(`organisation ${id} referenced but missing`);
    return toOrganisation(row);
  });
}

/**
 * Onboards a partner: the organisation and an invitation for its first ORG_ADMIN, in one transaction.
 * The short name is claimed by the insert itself, so two network admins racing for one name get one
 * organisation and one CONFLICT.
 */
export async function createOrganisation(ctx: RequestContext, input: CreateOrganisationInput): Promise<Invitation> {
  ctx.requireActor();
  const name = input.name.trim();
  if (!name) throw new BadUserInputError('Give the organisation a name.', ['input.name']);
  const shortName = input.shortName.trim().toUpperCase();
  const now = ctx.now();
  const created: { id: string }[] = await (
    await ctx.db()
  ).query(
    `WITH created AS (
       INSERT INTO organisation (name, short_name, kind, country, region, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, true, $6, $6)
       ON CONFLICT (short_name) DO NOTHING
       RETURNING id)
     SELECT id FROM created`,
    [name, shortName, input.kind, input.country.toUpperCase(), input.region?.trim() || null, now],
  );
  const organisationId = created[0]?.id;
  if (!organisationId) {
    throw new ConflictError(`The short name ${shortName} is already taken.`, { fields: ['input.shortName'] });
  }
  ctx.audit({
    action: 'ORGANISATION_CREATED',
    entityType: 'Organisation',
    entityId: organisationId,
    detail: { shortName, kind: input.kind, country: input.country.toUpperCase() },
  });
  return issueInvitation(
    ctx,
    { organisationId, email: input.adminEmail, displayName: input.adminDisplayName, roles: [Role.ORG_ADMIN] },
    { email: 'input.adminEmail', displayName: 'input.adminDisplayName' },
  );
}

/**
 * A deactivated organisation's users cannot sign in (nor use tokens they hold) and its facilities leave
 * bed search; its referrals stay readable to the partners involved. Reactivating restores all of it.
 */
export async function setOrganisationActive(ctx: RequestContext, id: string, active: boolean): Promise<Organisation> {
  const actor = ctx.requireActor();
  const organisation = await (
    await ctx.repo(OrganisationEntity)
  ).findOne({ where: { id: requireUuid(id, 'id') }, lock: { mode: 'pessimistic_write' } });
  if (!organisation) throw new NotFoundError('Organisation');
  if (!active && organisation.id === actor.organisationId) {
    throw new BadUserInputError('You cannot deactivate your own organisation: nobody could reactivate it.', ['id']);
  }
  if (organisation.active !== active) {
    organisation.active = active;
    organisation.updatedAt = ctx.now();
    await (await ctx.db()).save(organisation);
    ctx.audit({
      action: active ? 'ORGANISATION_REACTIVATED' : 'ORGANISATION_DEACTIVATED',
      entityType: 'Organisation',
      entityId: organisation.id,
      detail: { shortName: organisation.shortName },
    });
    // Its facilities leave or rejoin the bed board: whatever caches it must forget it once this commits.
    const event: OrganisationChanged = { organisationId: organisation.id };
    ctx.afterCommit(() => ctx.platform.pubSub.publish(Topic.ORGANISATION_CHANGED, event));
  }
  ctx.loaders.get(organisationById).clear(organisation.id).prime(organisation.id, organisation);
  return toOrganisation(organisation);
}
