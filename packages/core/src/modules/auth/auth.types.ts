import { Field } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { DateTime } from '../../common/scalars';
import { User } from '../user/user.types';

@ApiObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String)
  accessToken!: string;

  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;

  @Field(() => String, {
    description: 'Renews the access token (refreshSession) until it expires or the session is signed out.',
  })
  refreshToken!: string;

  @Field(() => DateTime)
  refreshExpiresAt!: Date;
}
