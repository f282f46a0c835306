import { NotFoundError } from '../../common/errors';
import { requireUuid } from '../../common/ids';
import type { RequestContext } from '../../context/request-context';
import { OrganisationEntity } from './organisation.entity';
import { organisationById } from './organisation.loaders';
import { Organisation } from './organisation.types';

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
export async function organisationOf(ctx: RequestContext, id: string): Promise<Organisation> {
  const row = await ctx.loaders.get(organisationById).load(id);
  if (!row) throw new Error(`organisation ${id} referenced but missing`);
  return toOrganisation(row);
}
