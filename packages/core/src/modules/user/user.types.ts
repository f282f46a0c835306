import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../common/enums';

@ObjectType('User')
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
