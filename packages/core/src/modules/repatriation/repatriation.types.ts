import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { DateOnly, DateTime } from '../../common/scalars';
import {
  DocumentKind,
  DocumentStatus,
  MilestoneKind,
  MilestoneStatus,
  RepatriationStatus,
  RepatriationUpdateReason,
} from './repatriation.enums';

@ApiObjectType('Milestone')
export class Milestone {
  @Field(() => ID)
  id!: string;

  @Field(() => MilestoneKind)
  kind!: MilestoneKind;

  @Field(() => MilestoneStatus)
  status!: MilestoneStatus;

  @Field(() => DateOnly, { nullable: true })
  dueOn!: Date | null;

  @Field(() => DateTime, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Boolean, { description: 'dueOn is past and status is not DONE / NOT_APPLICABLE.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Boolean, { description: 'Carried out by the counterpart organisation, whose liaison may update it.' })
  byCounterpart!: boolean;
}

@ApiObjectType('CaseDocument', {
  description: "A document's record, not its file: who issued it, its number and validity.",
})
export class CaseDocument {
  @Field(() => ID)
  id!: string;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => DocumentStatus, { description: 'EXPIRED once past expiresOn, without anyone touching the record.' })
  status!: DocumentStatus;

  @Field(() => String, { nullable: true })
  issuer!: string | null;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => DateOnly, { nullable: true })
  issuedOn!: Date | null;

  @Field(() => DateOnly, { nullable: true })
  expiresOn!: Date | null;

  @Field(() => Boolean, { description: 'Expires within 30 days and not yet EXPIRED.' })
  expiringSoon!: boolean;
}

@ApiObjectType('FollowUpVisit', { description: 'A reintegration visit after handover, at 1, 3, 6 and 12 months.' })
export class FollowUpVisit {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  months!: number;

  @Field(() => DateOnly)
  dueOn!: Date;

  @Field(() => DateTime, { nullable: true })
  visitedAt!: Date | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Boolean)
  overdue!: boolean;
}

@ApiObjectType('CaseEvent', {
  description: 'Something that happened to a case: a step, a document, a change of status.',
})
export class CaseEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTime)
  at!: Date;

  @Field(() => String)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'The milestone, document or status concerned.' })
  concerning!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => MilestoneKind, { nullable: true, description: 'MILESTONE_UPDATED: the step.' })
  milestone!: MilestoneKind | null;

  @Field(() => MilestoneStatus, { nullable: true, description: 'MILESTONE_UPDATED: the status it was given.' })
  milestoneStatus!: MilestoneStatus | null;

  @Field(() => DocumentKind, { nullable: true, description: 'DOCUMENT_RECORDED and DOCUMENT_EXPIRING: the document.' })
  document!: DocumentKind | null;

  @Field(() => DocumentStatus, { nullable: true, description: 'DOCUMENT_RECORDED: the status recorded.' })
  documentStatus!: DocumentStatus | null;

  @Field(() => DateOnly, { nullable: true, description: 'DOCUMENT_EXPIRING: the day the document expires.' })
  expiresOn!: Date | null;

  @Field(() => RepatriationStatus, { nullable: true, description: 'STATUS_CHANGED: the status before.' })
  fromStatus!: RepatriationStatus | null;

  @Field(() => RepatriationStatus, { nullable: true, description: 'OPENED and STATUS_CHANGED: the status after.' })
  toStatus!: RepatriationStatus | null;

  @Field(() => String, { nullable: true, description: 'STATUS_CHANGED by hand: why (not voluntary, not safe, ...).' })
  reason!: string | null;

  @Field(() => Int, { nullable: true, description: 'FOLLOW_UP_VISITED: the visit, in months after handover.' })
  months!: number | null;

  organisationId!: string | null;
  counterpartOrganisationId!: string | null;
}

@ApiObjectType('RepatriationCase')
export class RepatriationCase {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => RepatriationStatus)
  status!: RepatriationStatus;

  @Field(() => String, { nullable: true, description: 'Why the case is on hold, cancelled or was closed by hand.' })
  statusReason!: string | null;

  @Field(() => String)
  destinationCountry!: string;

  @Field(() => String, { nullable: true })
  destinationRegion!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Petrapole-Benapole' })
  borderPoint!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;

  subjectId!: string;
  homeOrganisationId!: string;
  counterpartOrganisationId!: string | null;
}

@ApiObjectType('RepatriationCaseUpdate', { description: 'Told to a liaison when the other side moves a case on.' })
export class RepatriationCaseUpdate {
  @Field(() => RepatriationUpdateReason)
  reason!: RepatriationUpdateReason;

  @Field(() => RepatriationCase)
  case!: RepatriationCase;

  @Field(() => MilestoneKind, { nullable: true })
  milestone!: MilestoneKind | null;

  @Field(() => DocumentKind, { nullable: true })
  document!: DocumentKind | null;
}

const COUNTRY = /^[A-Za-z]{2}$/;

@InputType('OpenRepatriationInput')
export class OpenRepatriationInput {
  @Field(() => ID)
  @IsUUID('all')
  subjectId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  counterpartOrganisationId?: string | null;

  @Field(() => String)
  @Matches(COUNTRY, { message: 'destinationCountry must be an ISO 3166-1 alpha-2 code such as BD or NP' })
  destinationCountry!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  destinationRegion?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  borderPoint?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  consentId?: string | null;
}

@InputType('UpdateMilestoneInput')
export class UpdateMilestoneInput {
  @Field(() => ID)
  @IsUUID('all')
  caseId!: string;

  @Field(() => MilestoneKind)
  kind!: MilestoneKind;

  @Field(() => MilestoneStatus)
  status!: MilestoneStatus;

  @Field(() => DateOnly, { nullable: true })
  dueOn?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType('RecordDocumentInput')
export class RecordDocumentInput {
  @Field(() => ID)
  @IsUUID('all')
  caseId!: string;

  @Field(() => ID, { nullable: true, description: 'Updates this document record; without it a new record is made.' })
  @IsOptional()
  @IsUUID('all')
  documentId?: string | null;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => DocumentStatus)
  status!: DocumentStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  issuer?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  reference?: string | null;

  @Field(() => DateOnly, { nullable: true })
  issuedOn?: Date | null;

  @Field(() => DateOnly, { nullable: true })
  expiresOn?: Date | null;
}
