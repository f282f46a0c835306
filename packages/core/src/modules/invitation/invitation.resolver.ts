import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { AuthPayload } from '../auth/auth.types';
import { acceptInvitation, inviteUser } from './invitation.service';
import { Invitation, InviteUserInput } from './invitation.types';

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
}
