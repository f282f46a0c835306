import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { organisationOf } from '../organisation/organisation.service';
import { Organisation } from '../organisation/organisation.types';
import {
  createSubject,
  getSubject,
  identityOf,
  listOwnSubjects,
  recordConsent,
  withdrawConsent,
} from './subject.service';
import {
  Consent,
  CreateSubjectInput,
  RecordConsentInput,
  Subject,
  SubjectConnection,
  SubjectIdentity,
} from './subject.types';

@Resolver(() => Subject)
export class SubjectResolver {
  @Query(() => Subject)
  subject(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Subject> {
    return getSubject(ctx, id);
  }

  @Query(() => SubjectConnection, {
    description:
      "The caller's own organisation's subjects, newest first. `search` matches the pseudonym code; identities are encrypted and never searched.",
  })
  subjects(
    @Arg('search', () => String, { nullable: true }) search: string | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SubjectConnection> {
    return listOwnSubjects(ctx, search, first, after);
  }

  @Mutation(() => Subject)
  createSubject(
    @Arg('input', () => CreateSubjectInput) input: CreateSubjectInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Subject> {
    return createSubject(ctx, input);
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() subject: Subject, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return organisationOf(ctx, subject.organisationId);
  }

  @FieldResolver(() => SubjectIdentity, { nullable: true })
  identity(@Root() subject: Subject, @Ctx() ctx: RequestContext): Promise<SubjectIdentity | null> {
    return identityOf(ctx, subject);
  }
}

@Resolver(() => Consent)
export class ConsentResolver {
  @Mutation(() => Consent)
  recordConsent(
    @Arg('input', () => RecordConsentInput) input: RecordConsentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Consent> {
    return recordConsent(ctx, input);
  }

  @Mutation(() => Consent)
  withdrawConsent(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Consent> {
    return withdrawConsent(ctx, id);
  }

  @FieldResolver(() => Subject)
  subject(@Root() consent: Consent, @Ctx() ctx: RequestContext): Promise<Subject> {
    return getSubject(ctx, consent.subjectId);
  }

  @FieldResolver(() => Organisation)
  grantedTo(@Root() consent: Consent, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return organisationOf(ctx, consent.grantedToOrganisationId);
  }
}
