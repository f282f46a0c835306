import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../common/enums';
import type { RequestContext } from '../../context/request-context';
import { organisationOf } from '../organisation/organisation.service';
import { Organisation } from '../organisation/organisation.types';
import { listUsers, me, setUserActive, setUserRoles } from './user.service';
import { User } from './user.types';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User)
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return me(ctx);
  }

  @Query(() => [User], {
    description: "The caller's own organisation (ORG_ADMIN); every organisation's (NETWORK_ADMIN).",
  })
  users(@Ctx() ctx: RequestContext): Promise<User[]> {
    return listUsers(ctx);
  }

  @Mutation(() => User)
  setUserRoles(
    @Arg('userId', () => ID) userId: string,
    @Arg('roles', () => [Role]) roles: Role[],
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return setUserRoles(ctx, userId, roles);
  }

  @Mutation(() => User)
  setUserActive(
    @Arg('userId', () => ID) userId: string,
    @Arg('active', () => Boolean) active: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return setUserActive(ctx, userId, active);
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() user: User, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return organisationOf(ctx, user.organisationId);
  }
}
