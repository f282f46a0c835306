import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Service } from '../../common/enums';
import type { ReferralStatus, Urgency } from './referral.enums';

/** Belongs to two organisations: the sending one (`from`) and the receiving one (`to`). */
@Entity('referral')
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('uuid')
  fromOrganisationId!: string;

  @Column('uuid')
  toOrganisationId!: string;

  @Column('uuid', { nullable: true })
  toFacilityId!: string | null;

  @Column('uuid')
  subjectId!: string;

  @Column('uuid', { nullable: true })
  consentId!: string | null;

  @Column('text')
  status!: ReferralStatus;

  @Column('text')
  urgency!: Urgency;

  @Column('text', { array: true })
  needs!: Service[];

  @Column('text')
  summary!: string;

  @Column('uuid', { nullable: true })
  heldUnitId!: string | null;

  @Column('timestamptz', { nullable: true })
  holdExpiresAt!: Date | null;

  @Column('text', { nullable: true })
  declineReason!: string | null;

  @Column('text', { nullable: true })
  idempotencyKey!: string | null;

  @Column('text', { nullable: true })
  idempotencyDigest!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

@Entity('referral_event')
export class ReferralEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  referralId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  status!: ReferralStatus;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @Column('uuid')
  organisationId!: string;

  @Column('text', { nullable: true })
  note!: string | null;
}
