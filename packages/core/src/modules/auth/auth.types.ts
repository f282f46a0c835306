import { Field, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars';
import { User } from '../user/user.types';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String)
  accessToken!: string;

  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
