import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { organisationOf } from '../organisation/organisation.service';
import { Organisation } from '../organisation/organisation.types';
import { me } from './user.service';
import { User } from './user.types';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User)
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return me(ctx);
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return organisationOf(ctx, user.organisationId);
  }
}
