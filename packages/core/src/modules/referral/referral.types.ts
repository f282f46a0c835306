import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { Service } from '../../common/enums';
import { PageInfo } from '../../common/pagination';
import { DateTime } from '../../common/scalars';
import { ReferralBox, ReferralStatus, Urgency } from './referral.enums';

@ApiObjectType('Referral')
export class Referral {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => Urgency)
  urgency!: Urgency;

  @Field(() => [Service])
  needs!: Service[];

  @Field(() => String)
  summary!: string;

  @Field(() => DateTime, { nullable: true })
  holdExpiresAt!: Date | null;

  @Field(() => String, { nullable: true })
  declineReason!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;

  subjectId!: string;
  fromOrganisationId!: string;
  toOrganisationId!: string;
  toFacilityId!: string | null;
  heldUnitId!: string | null;
}

@ApiObjectType('ReferralEvent')
export class ReferralEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTime)
  at!: Date;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  actorUserId!: string | null;
  organisationId!: string;
}

@ApiObjectType('ReferralEdge')
export class ReferralEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Referral)
  node!: Referral;
}

@ApiObjectType('ReferralConnection')
export class ReferralConnection {
  @Field(() => [ReferralEdge])
  edges!: ReferralEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ApiObjectType('ReferralStatusCount')
export class ReferralStatusCount {
  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => Int)
  count!: number;
}

@InputType('ReferralFilter')
export class ReferralFilter {
  @Field(() => ReferralBox, { nullable: true })
  box?: ReferralBox | null;

  @Field(() => [ReferralStatus], { nullable: true })
  status?: ReferralStatus[] | null;
}

export const MAX_SUMMARY = 4000;

@InputType('CreateReferralInput')
export class CreateReferralInput {
  @Field(() => ID)
  @IsUUID('all')
  subjectId!: string;

  @Field(() => ID)
  @IsUUID('all')
  toOrganisationId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  toFacilityId?: string | null;

  @Field(() => [Service])
  @ArrayMinSize(1, { message: 'name at least one need' })
  @ArrayMaxSize(8)
  needs!: Service[];

  @Field(() => Urgency)
  urgency!: Urgency;

  @Field(() => String)
  @Length(1, MAX_SUMMARY)
  summary!: string;

  @Field(() => ID, { nullable: true, description: "Required when the subject's identity is to be shared." })
  @IsOptional()
  @IsUUID('all')
  consentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string | null;
}
