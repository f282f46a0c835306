import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { asksFor } from '../../common/selection';
import type { RequestContext } from '../../context/request-context';
import { Topic, type ReferralChanged } from '../../context/topics';
import { facilityOf, unitOf } from '../facility/facility.service';
import { BedUnit, Facility } from '../facility/facility.types';
import { organisationOf } from '../organisation/organisation.service';
import { Organisation } from '../organisation/organisation.types';
import { getSubject } from '../subject/subject.service';
import { Subject } from '../subject/subject.types';
import { actorOf } from '../user/user.service';
import { User } from '../user/user.types';
import {
  acceptReferral,
  cancelReferral,
  changedReferral,
  completeReferral,
  countReferralsByStatus,
  createReferral,
  declineReferral,
  eventsOf,
  getReferral,
  listReferrals,
  withdrawReferral,
} from './referral.service';
import { ReferralBox } from './referral.enums';
import {
  CreateReferralInput,
  Referral,
  ReferralConnection,
  ReferralEvent,
  ReferralFilter,
  ReferralStatusCount,
} from './referral.types';

@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => ReferralConnection)
  referrals(
    @Arg('filter', () => ReferralFilter, { nullable: true }) filter: ReferralFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReferralConnection> {
    return listReferrals(ctx, filter, first, after, { events: asksFor(info, ['edges', 'node', 'events']) });
  }

  @Query(() => [ReferralStatusCount], {
    description: 'How many referrals to (INBOX), from (OUTBOX) or either way are in each status, zeros included.',
  })
  referralCounts(
    @Arg('box', () => ReferralBox, { nullable: true }) box: ReferralBox | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferralStatusCount[]> {
    return countReferralsByStatus(ctx, box);
  }

  @Query(() => Referral)
  referral(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Referral> {
    return getReferral(ctx, id);
  }

  @Mutation(() => Referral, { description: 'Starts as SUBMITTED.' })
  createReferral(
    @Arg('input', () => CreateReferralInput) input: CreateReferralInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Referral> {
    return createReferral(ctx, input);
  }

  @Mutation(() => Referral, { description: 'unitId places a bed hold.' })
  acceptReferral(
    @Arg('id', () => ID) id: string,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Referral> {
    return acceptReferral(ctx, id, unitId);
  }

  @Mutation(() => Referral)
  declineReferral(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Referral> {
    return declineReferral(ctx, id, reason);
  }

  @Mutation(() => Referral)
  withdrawReferral(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Referral> {
    return withdrawReferral(ctx, id, reason);
  }

  @Mutation(() => Referral, { description: 'Arrival: the hold becomes an occupied bed.' })
  completeReferral(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Referral> {
    return completeReferral(ctx, id);
  }

  @Mutation(() => Referral, { description: 'Releases any hold.' })
  cancelReferral(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Referral> {
    return cancelReferral(ctx, id, reason);
  }

  @Subscription(() => Referral, {
    topics: Topic.REFERRAL_UPDATED,
    description: "Referrals to or from the caller's organisation.",
    filter: ({ payload, context }: { payload: ReferralChanged; context: RequestContext }) =>
      context.actor !== null && payload.organisationIds.includes(context.actor.organisationId),
  })
  referralUpdated(@Root() event: ReferralChanged, @Ctx() ctx: RequestContext): Promise<Referral> {
    return changedReferral(ctx, event);
  }

  @FieldResolver(() => Subject)
  subject(@Root() referral: Referral, @Ctx() ctx: RequestContext): Promise<Subject> {
    return getSubject(ctx, referral.subjectId);
  }

  @FieldResolver(() => Organisation)
  fromOrganisation(@Root() referral: Referral, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return organisationOf(ctx, referral.fromOrganisationId);
  }

  @FieldResolver(() => Organisation)
  toOrganisation(@Root() referral: Referral, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return organisationOf(ctx, referral.toOrganisationId);
  }

  @FieldResolver(() => Facility, { nullable: true })
  toFacility(@Root() referral: Referral, @Ctx() ctx: RequestContext): Facility | null | Promise<Facility | null> {
    return referral.toFacilityId ? facilityOf(ctx, referral.toFacilityId) : null;
  }

  @FieldResolver(() => BedUnit, { nullable: true, description: 'The unit holding a bed, while ACCEPTED.' })
  heldUnit(@Root() referral: Referral, @Ctx() ctx: RequestContext): Promise<BedUnit | null> {
    return referral.heldUnitId ? unitOf(ctx, referral.heldUnitId) : Promise.resolve(null);
  }

  @FieldResolver(() => [ReferralEvent], {
    description: 'Oldest first: SUBMITTED at creation, then one per transition.',
  })
  events(@Root() referral: Referral, @Ctx() ctx: RequestContext): Promise<ReferralEvent[]> {
    return eventsOf(ctx, referral.id);
  }
}

@Resolver(() => ReferralEvent)
export class ReferralEventResolver {
  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: ReferralEvent, @Ctx() ctx: RequestContext): Promise<User | null> {
    return event.actorUserId ? actorOf(ctx, event.actorUserId, event.organisationId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() event: ReferralEvent, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return organisationOf(ctx, event.organisationId);
  }
}
