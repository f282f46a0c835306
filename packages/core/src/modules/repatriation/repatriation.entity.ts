import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  DocumentKind,
  DocumentStatus,
  MilestoneKind,
  MilestoneStatus,
  RepatriationStatus,
} from './repatriation.enums';

/** Shared by the home organisation and, once named, the counterpart organisation across the border. */
@Entity('repatriation_case')
export class RepatriationCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('uuid')
  homeOrganisationId!: string;

  @Column('uuid', { nullable: true })
  counterpartOrganisationId!: string | null;

  @Column('uuid')
  subjectId!: string;

  @Column('uuid', { nullable: true })
  consentId!: string | null;

  @Column('text')
  status!: RepatriationStatus;

  /** Why the case is on hold, cancelled or closed by hand. */
  @Column('text', { nullable: true })
  statusReason!: string | null;

  @Column('char', { length: 2 })
  destinationCountry!: string;

  @Column('text', { nullable: true })
  destinationRegion!: string | null;

  @Column('text', { nullable: true })
  borderPoint!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

@Entity('milestone')
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  caseId!: string;

  @Column('text')
  kind!: MilestoneKind;

  @Column('int')
  position!: number;

  @Column('text')
  status!: MilestoneStatus;

  @Column('date', { nullable: true })
  dueOn!: string | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column('timestamptz')
  updatedAt!: Date;
}

@Entity('follow_up_visit')
export class FollowUpVisitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  caseId!: string;

  @Column('int')
  months!: number;

  @Column('date')
  dueOn!: string;

  @Column('timestamptz', { nullable: true })
  visitedAt!: Date | null;

  @Column('text', { nullable: true })
  note!: string | null;
}

@Entity('case_document')
export class CaseDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  caseId!: string;

  @Column('text')
  kind!: DocumentKind;

  @Column('text')
  status!: DocumentStatus;

  @Column('text', { nullable: true })
  issuer!: string | null;

  @Column('text', { nullable: true })
  reference!: string | null;

  @Column('date', { nullable: true })
  issuedOn!: string | null;

  @Column('date', { nullable: true })
  expiresOn!: string | null;

  @Column('timestamptz', { nullable: true })
  expiryNotifiedAt!: Date | null;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

@Entity('case_event')
export class CaseEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  caseId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @Column('uuid', { nullable: true })
  organisationId!: string | null;

  @Column('text')
  kind!: string;

  @Column('jsonb', { default: {} })
  detail!: object;
}
