import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DateTime } from '../../common/scalars';
import type { RequestContext } from '../../context/request-context';
import { Topic, type BedUnitChanged } from '../../context/topics';
import { organisationOf } from '../organisation/organisation.service';
import { Organisation } from '../organisation/organisation.types';
import { facilitiesByOrganisation } from './facility.loaders';
import {
  bedAvailability,
  bedsAvailableIn,
  changedBedUnit,
  createBedUnit,
  createFacility,
  DEFAULT_HISTORY,
  facilityOf,
  getBedUnit,
  getFacility,
  historyOf,
  listFacilities,
  MAX_HISTORY,
  toFacility,
  unitsOf,
  updateBedUnit,
  updateFacility,
} from './facility.service';
import {
  BedSearch,
  BedUnit,
  BedUnitChange,
  CreateBedUnitInput,
  CreateFacilityInput,
  Facility,
  UpdateBedUnitInput,
  UpdateFacilityInput,
} from './facility.types';

const sameDistrict = (a: string, b: string): boolean => a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => [Facility])
  facilities(
    @Arg('filter', () => BedSearch, { nullable: true }) filter: BedSearch | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Facility[]> {
    return listFacilities(ctx, filter);
  }

  @Query(() => Facility)
  facility(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Facility> {
    return getFacility(ctx, id);
  }

  @Mutation(() => Facility)
  createFacility(
    @Arg('input', () => CreateFacilityInput) input: CreateFacilityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Facility> {
    return createFacility(ctx, input);
  }

  @Mutation(() => Facility)
  updateFacility(
    @Arg('input', () => UpdateFacilityInput) input: UpdateFacilityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Facility> {
    return updateFacility(ctx, input);
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() facility: Facility, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return organisationOf(ctx, facility.organisationId);
  }

  @FieldResolver(() => [BedUnit])
  units(@Root() facility: Facility, @Ctx() ctx: RequestContext): Promise<BedUnit[]> {
    return unitsOf(ctx, facility.id);
  }

  @FieldResolver(() => Int, { description: 'Sum of available over units.' })
  bedsAvailable(@Root() facility: Facility, @Ctx() ctx: RequestContext): Promise<number> {
    return bedsAvailableIn(ctx, facility.id);
  }
}

@Resolver(() => BedUnit)
export class BedUnitResolver {
  @Query(() => [BedUnit])
  bedAvailability(
    @Arg('filter', () => BedSearch, { nullable: true }) filter: BedSearch | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<BedUnit[]> {
    return bedAvailability(ctx, filter);
  }

  @Query(() => BedUnit, { description: "A unit on the bed board (or of the caller's own organisation)." })
  bedUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<BedUnit> {
    return getBedUnit(ctx, id);
  }

  @Mutation(() => BedUnit)
  updateBedUnit(
    @Arg('input', () => UpdateBedUnitInput) input: UpdateBedUnitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BedUnit> {
    return updateBedUnit(ctx, input);
  }

  @Mutation(() => BedUnit)
  createBedUnit(
    @Arg('input', () => CreateBedUnitInput) input: CreateBedUnitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BedUnit> {
    return createBedUnit(ctx, input);
  }

  @Subscription(() => BedUnit, {
    topics: Topic.BED_UNIT_CHANGED,
    filter: ({ payload, args }: { payload: BedUnitChanged; args: { district?: string | null } }) =>
      !args.district || sameDistrict(payload.district, args.district),
  })
  bedAvailabilityChanged(
    @Root() event: BedUnitChanged,
    @Arg('district', () => String, { nullable: true }) _district: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<BedUnit> {
    return changedBedUnit(ctx, event);
  }

  @FieldResolver(() => Facility)
  facility(@Root() unit: BedUnit, @Ctx() ctx: RequestContext): Facility | Promise<Facility> {
    return facilityOf(ctx, unit.facilityId);
  }

  @FieldResolver(() => [BedUnitChange], {
    description: `The unit's counts after each change, oldest first: the latest \`first\` (${DEFAULT_HISTORY} unless said, at most ${MAX_HISTORY}) changes at or after \`since\`.`,
  })
  history(
    @Root() unit: BedUnit,
    @Arg('since', () => DateTime, { nullable: true }) since: Date | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_HISTORY }) first: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<BedUnitChange[]> {
    return historyOf(ctx, unit, since, first);
  }
}

@Resolver(() => Organisation)
export class OrganisationFacilitiesResolver {
  @FieldResolver(() => [Facility])
  async facilities(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<Facility[]> {
    const rows = await ctx.loaders.get(facilitiesByOrganisation).load(organisation.id);
    return rows.map((row) => toFacility(ctx, row));
  }
}
