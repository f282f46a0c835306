import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { organisationOf } from '../organisation/organisation.service';
import { Organisation } from '../organisation/organisation.types';
import { actorOf } from '../user/user.service';
import { User } from '../user/user.types';
import { listAuditEvents } from './audit.service';
import { AuditEvent } from './audit.types';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => [AuditEvent])
  auditEvents(
    @Arg('entityType', () => String, { nullable: true }) entityType: string | undefined,
    @Arg('entityId', () => String, { nullable: true }) entityId: string | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number | undefined,
    @Arg('action', () => String, { nullable: true }) action: string | undefined,
    @Arg('before', () => String, { nullable: true, description: 'Entries older than this id.' })
    before: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEvent[]> {
    return listAuditEvents(ctx, { entityType, entityId, first, action, before });
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<User | null> {
    return event.actorUserId && event.organisationId
      ? actorOf(ctx, event.actorUserId, event.organisationId)
      : Promise.resolve(null);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(
    @Root() event: AuditEvent,
    @Ctx() ctx: RequestContext,
  ): Organisation | null | Promise<Organisation | null> {
    return event.organisationId ? organisationOf(ctx, event.organisationId) : null;
  }
}
