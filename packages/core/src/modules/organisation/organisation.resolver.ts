import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Invitation } from '../invitation/invitation.types';
import { createOrganisation, getOrganisation, listOrganisations, setOrganisationActive } from './organisation.service';
import { CreateOrganisationInput, Organisation } from './organisation.types';

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

  @Mutation(() => Invitation, { description: "Invites the new organisation's first ORG_ADMIN." })
  createOrganisation(
    @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Invitation> {
    return createOrganisation(ctx, input);
  }

  @Mutation(() => Organisation)
  setOrganisationActive(
    @Arg('id', () => ID) id: string,
    @Arg('active', () => Boolean) active: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Organisation> {
    return setOrganisationActive(ctx, id, active);
  }
}
