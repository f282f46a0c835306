import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { AuthPayload } from '../auth/auth.types';
import { User } from '../user/user.types';
import { acceptInvitation, inviteUser, pendingInvitationOf, reissueInvitation } from './invitation.service';
import { Invitation, InviteUserInput, PendingInvitation } from './invitation.types';

@Resolver(() => Invitation)
export class InvitationResolver {
  @Mutation(() => Invitation)
  inviteUser(
    @Arg('input', () => InviteUserInput) input: InviteUserInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Invitation> {
    return inviteUser(ctx, input);
  }

  @Mutation(() => AuthPayload)
  acceptInvitation(
    @Arg('token', () => String) token: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return acceptInvitation(ctx, token, password);
  }

  @Mutation(() => Invitation, {
    description:
      'A new one-time link for someone who has not set a password yet; earlier links stop working. ' +
      "ORG_ADMIN: own organisation's staff; NETWORK_ADMIN: any organisation's ORG_ADMIN invitee.",
  })
  reissueInvitation(@Arg('userId', () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<Invitation> {
    return reissueInvitation(ctx, userId);
  }
}

@Resolver(() => User)
export class UserInvitationResolver {
  @FieldResolver(() => PendingInvitation, {
    nullable: true,
    description:
      "Set until the person sets a password; null after, and for callers other than the user's organisation admins and network administrators.",
  })
  pendingInvitation(@Root() user: User, @Ctx() ctx: RequestContext): Promise<PendingInvitation | null> {
    return pendingInvitationOf(ctx, user);
  }
}
