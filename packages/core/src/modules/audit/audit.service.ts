import { Role } from '../../common/enums';
import { BadUserInputError } from '../../common/errors';
import { pageSize } from '../../common/pagination';
import type { RequestContext } from '../../context/request-context';
import { AuditEventEntity } from './audit.entity';
import { AuditEvent } from './audit.types';

function toAuditEvent(entity: AuditEventEntity): AuditEvent {
  return Object.assign(new AuditEvent(), {
    id: entity.id,
    at: entity.at,
    action: entity.action,
    entityType: entity.entityType,
    entityId: entity.entityId,
    detail: entity.detail,
    hash: entity.hash,
    actorUserId: entity.actorUserId,
    organisationId: entity.organisationId,
  });
}

export interface AuditQuery {
  entityType?: string | null;
  entityId?: string | null;
  action?: string | null;
  first?: number | null;
  /** Entries older than this id: the next page. */
  before?: string | null;
}

/**
 * Newest first. An organisation admin reads the entries of their own organisation; a network admin reads
 * every entry, which names ids and fields, never identities.
 */
export async function listAuditEvents(ctx: RequestContext, query: AuditQuery): Promise<AuditEvent[]> {
  const actor = ctx.requireActor();
  const size = pageSize(query.first, 100);
  const qb = (await ctx.repo(AuditEventEntity)).createQueryBuilder('a').orderBy('a.id', 'DESC').limit(size);
  if (!actor.roles.has(Role.NETWORK_ADMIN)) qb.where('a.organisation_id = :me', { me: actor.organisationId });
  if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
  if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
  if (query.action) qb.andWhere('a.action = :action', { action: query.action });
  if (query.before) {
    if (!/^\d{1,19}$/.test(query.before)) throw new BadUserInputError('before must be an audit entry id.', ['before']);
    qb.andWhere('a.id < :before', { before: query.before });
  }
  return (await qb.getMany()).map(toAuditEvent);
}
