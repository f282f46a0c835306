import { ArrayMaxSize, ArrayMinSize, IsEmail, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { Role } from '../../common/enums';
import { DateTime } from '../../common/scalars';
import { User } from '../user/user.types';

@ApiObjectType('Invitation', {
  description: 'A one-time invitation: the token is shown once, to be passed to the invitee out of band; it expires.',
})
export class Invitation {
  @Field(() => User)
  user!: User;

  @Field(() => String, { description: 'Shown only in this answer: only its hash is stored.' })
  token!: string;

  @Field(() => DateTime)
  expiresAt!: Date;
}

@ApiObjectType('PendingInvitation', {
  description: 'The latest invitation of an account that has not set its password yet.',
})
export class PendingInvitation {
  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'Past expiresAt: reissueInvitation gives the person a new link.' })
  expired!: boolean;
}

export const MAX_EMAIL = 254;
export const MAX_DISPLAY_NAME = 200;

@InputType('InviteUserInput')
export class InviteUserInput {
  @Field(() => String)
  @IsEmail()
  @MaxLength(MAX_EMAIL)
  email!: string;

  @Field(() => String)
  @Length(1, MAX_DISPLAY_NAME)
  displayName!: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.keys(Role).length)
  roles!: Role[];
}
