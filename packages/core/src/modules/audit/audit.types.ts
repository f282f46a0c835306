import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { DateTime } from '../../common/scalars';

@ApiObjectType('AuditEvent')
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTime)
  at!: Date;

  @Field(() => String, { description: 'e.g. READ_IDENTITY, REFERRAL_ACCEPTED, LOGIN_FAILED' })
  action!: string;

  @Field(() => String)
  entityType!: string;

  @Field(() => String, { nullable: true })
  entityId!: string | null;

  @Field(() => JSONObjectResolver, { description: 'Ids, field names and counts: never an identity value.' })
  detail!: Record<string, unknown>;

  @Field(() => String, { description: "This entry's link in the tamper-evident chain." })
  hash!: string;

  actorUserId!: string | null;
  organisationId!: string | null;
}
