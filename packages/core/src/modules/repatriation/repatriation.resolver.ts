import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Topic, type RepatriationChanged } from '../../context/topics';
import { organisationOf } from '../organisation/organisation.service';
import { Organisation } from '../organisation/organisation.types';
import { getSubject } from '../subject/subject.service';
import { Subject } from '../subject/subject.types';
import {
  type DocumentKind,
  type MilestoneKind,
  RepatriationStatus,
  type RepatriationUpdateReason,
} from './repatriation.enums';
import {
  caseEventsOf,
  changedCase,
  documentsOf,
  getCase,
  haltCase,
  hasOverdue,
  listCases,
  milestonesOf,
  openCase,
  recordDocument,
  recordFollowUpVisit,
  resumeCase,
  setCounterpart,
  updateMilestone,
  visitsOf,
} from './repatriation.service';
import {
  CaseDocument,
  CaseEvent,
  FollowUpVisit,
  Milestone,
  OpenRepatriationInput,
  RecordDocumentInput,
  RepatriationCase,
  RepatriationCaseUpdate,
  UpdateMilestoneInput,
} from './repatriation.types';

@Resolver(() => RepatriationCase)
export class RepatriationResolver {
  @Query(() => [RepatriationCase])
  repatriationCases(
    @Arg('status', () => [RepatriationStatus], { nullable: true }) status: RepatriationStatus[] | undefined,
    @Arg('overdueOnly', () => Boolean, {
      defaultValue: false,
      description: 'Only cases with an overdue milestone or follow-up visit.',
    })
    overdueOnly: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase[]> {
    return listCases(ctx, status, overdueOnly);
  }

  @Query(() => RepatriationCase)
  repatriationCase(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<RepatriationCase> {
    return getCase(ctx, id);
  }

  @Mutation(() => RepatriationCase)
  openRepatriationCase(
    @Arg('input', () => OpenRepatriationInput) input: OpenRepatriationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return openCase(ctx, input);
  }

  @Mutation(() => RepatriationCase)
  updateMilestone(
    @Arg('input', () => UpdateMilestoneInput) input: UpdateMilestoneInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return updateMilestone(ctx, input);
  }

  @Mutation(() => RepatriationCase)
  recordDocument(
    @Arg('input', () => RecordDocumentInput) input: RecordDocumentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return recordDocument(ctx, input);
  }

  @Mutation(() => RepatriationCase, { description: 'Names (or changes) the counterpart organisation.' })
  setRepatriationCounterpart(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('counterpartOrganisationId', () => ID) counterpartOrganisationId: string,
    @Arg('consentId', () => ID, { nullable: true }) consentId: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return setCounterpart(ctx, caseId, counterpartOrganisationId, consentId);
  }

  @Mutation(() => RepatriationCase, { description: 'Records a reintegration visit (1, 3, 6 or 12 months).' })
  recordFollowUpVisit(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('months', () => Int) months: number,
    @Arg('note', () => String, { nullable: true }) note: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return recordFollowUpVisit(ctx, caseId, months, note);
  }

  @Mutation(() => RepatriationCase, { description: 'Pauses a case, e.g. while a return is not safe.' })
  holdRepatriationCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return haltCase(ctx, caseId, RepatriationStatus.ON_HOLD, reason);
  }

  @Mutation(() => RepatriationCase, { description: 'Takes a case off hold, back to where its milestones stand.' })
  resumeRepatriationCase(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return resumeCase(ctx, caseId);
  }

  @Mutation(() => RepatriationCase, { description: 'Ends a case that will not go ahead: not voluntary, not safe.' })
  cancelRepatriationCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return haltCase(ctx, caseId, RepatriationStatus.CANCELLED, reason);
  }

  @Mutation(() => RepatriationCase, { description: 'Closes a case before its last follow-up, with a reason.' })
  closeRepatriationCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCase> {
    return haltCase(ctx, caseId, RepatriationStatus.CLOSED, reason);
  }

  @Subscription(() => RepatriationCaseUpdate, {
    topics: Topic.REPATRIATION_UPDATED,
    description:
      'Tells a side of a case when the other side completes a step, changes its status, or a document nears expiry.',
    filter: ({ payload, context }: { payload: RepatriationChanged; context: RequestContext }) =>
      context.actor !== null &&
      payload.organisationIds.includes(context.actor.organisationId) &&
      payload.actorOrganisationId !== context.actor.organisationId,
  })
  async repatriationCaseUpdated(
    @Root() event: RepatriationChanged,
    @Ctx() ctx: RequestContext,
  ): Promise<RepatriationCaseUpdate> {
    return Object.assign(new RepatriationCaseUpdate(), {
      reason: event.reason as RepatriationUpdateReason,
      case: await changedCase(ctx, event),
      milestone: event.milestone as MilestoneKind | null,
      document: event.document as DocumentKind | null,
    });
  }

  @FieldResolver(() => Subject)
  subject(@Root() entity: RepatriationCase, @Ctx() ctx: RequestContext): Promise<Subject> {
    return getSubject(ctx, entity.subjectId);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation sheltering the subject now.' })
  homeOrganisation(@Root() entity: RepatriationCase, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return organisationOf(ctx, entity.homeOrganisationId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The partner in the destination.' })
  counterpartOrganisation(
    @Root() entity: RepatriationCase,
    @Ctx() ctx: RequestContext,
  ): Organisation | null | Promise<Organisation | null> {
    return entity.counterpartOrganisationId ? organisationOf(ctx, entity.counterpartOrganisationId) : null;
  }

  @FieldResolver(() => [Milestone], { description: 'In MilestoneKind order.' })
  milestones(@Root() entity: RepatriationCase, @Ctx() ctx: RequestContext): Promise<Milestone[]> {
    return milestonesOf(ctx, entity.id);
  }

  @FieldResolver(() => [CaseDocument])
  documents(@Root() entity: RepatriationCase, @Ctx() ctx: RequestContext): Promise<CaseDocument[]> {
    return documentsOf(ctx, entity.id);
  }

  @FieldResolver(() => [FollowUpVisit])
  followUpVisits(@Root() entity: RepatriationCase, @Ctx() ctx: RequestContext): Promise<FollowUpVisit[]> {
    return visitsOf(ctx, entity.id);
  }

  @FieldResolver(() => [CaseEvent], { description: 'Oldest first.' })
  events(@Root() entity: RepatriationCase, @Ctx() ctx: RequestContext): Promise<CaseEvent[]> {
    return caseEventsOf(ctx, entity.id);
  }

  @FieldResolver(() => Boolean, { description: 'A milestone or follow-up visit is overdue.' })
  hasOverdue(@Root() entity: RepatriationCase, @Ctx() ctx: RequestContext): Promise<boolean> {
    return hasOverdue(ctx, entity.id);
  }
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(
    @Root() event: CaseEvent,
    @Ctx() ctx: RequestContext,
  ): Organisation | null | Promise<Organisation | null> {
    return event.organisationId ? organisationOf(ctx, event.organisationId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'COUNTERPART_SET: the organisation named.' })
  counterpartOrganisation(
    @Root() event: CaseEvent,
    @Ctx() ctx: RequestContext,
  ): Organisation | null | Promise<Organisation | null> {
    return event.counterpartOrganisationId ? organisationOf(ctx, event.counterpartOrganisationId) : null;
  }
}
