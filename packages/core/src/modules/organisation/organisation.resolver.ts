import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { getOrganisation, listOrganisations } from './organisation.service';
import { Organisation } from './organisation.types';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation])
  organisations(@Ctx() ctx: RequestContext): Promise<Organisation[]> {
    return listOrganisations(ctx);
  }

  @Query(() => Organisation)
  organisation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return getOrganisation(ctx, id);
  }
}
