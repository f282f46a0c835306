import { Field, ID } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { Role } from '../../common/enums';

@ApiObjectType('User')
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => Boolean)
  active!: boolean;

  /** Resolved into `organisation` by a field resolver. */
  organisationId!: string;
}
