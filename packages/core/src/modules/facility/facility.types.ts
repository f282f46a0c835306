import {
  ArrayMaxSize,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { FacilityKind, Service, Sex } from '../../common/enums';
import { DateTime } from '../../common/scalars';
import { BedChangeReason } from './facility.entity';

registerEnumType(BedChangeReason, {
  name: 'BedChangeReason',
  valuesConfig: {
    HELD: { description: 'An accepted referral reserved a bed.' },
    RELEASED: { description: 'A hold ended without arrival: cancelled or expired.' },
    ARRIVED: { description: 'The referred person arrived: the hold became an occupied bed.' },
  },
});

@ApiObjectType('Facility')
export class Facility {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => FacilityKind)
  kind!: FacilityKind;

  @Field(() => String)
  district!: string;

  @Field(() => String)
  state!: string;

  @Field(() => String)
  country!: string;

  @Field(() => String, { nullable: true, description: 'Null unless the caller belongs to the owning organisation.' })
  address!: string | null;

  @Field(() => [Service])
  services!: Service[];

  @Field(() => Boolean, { description: 'An inactive facility takes no referrals and is hidden from bed search.' })
  active!: boolean;

  organisationId!: string;
}

@ApiObjectType('BedUnit', { description: 'A group of beds with one eligibility, e.g. "Girls 8-12" in Mahima Umeed.' })
export class BedUnit {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => Int)
  minAge!: number;

  @Field(() => Int)
  maxAge!: number;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int)
  occupied!: number;

  @Field(() => Int, { description: 'Reserved by accepted referrals not yet arrived.' })
  held!: number;

  @Field(() => Int, { description: 'capacity - occupied - held, never negative.' })
  available!: number;

  @Field(() => Int, { description: 'Optimistic-concurrency token for updateBedUnit.' })
  version!: number;

  @Field(() => DateTime)
  updatedAt!: Date;

  facilityId!: string;
  organisationId!: string;
}

/** The network sees every unit's counts on the bed board already; the author and note of a change stay out. */
@ApiObjectType('BedUnitChange', {
  description: "A unit's counts right after one change, for occupancy charts. Who made it and its note stay private.",
})
export class BedUnitChange {
  @Field(() => DateTime)
  at!: Date;

  @Field(() => BedChangeReason)
  reason!: BedChangeReason;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int)
  occupied!: number;

  @Field(() => Int)
  held!: number;

  @Field(() => Int, { description: 'capacity - occupied - held, never negative.' })
  available!: number;
}

const NAME = 100;
const AGE_LIMIT = 120;

@InputType('BedSearch')
export class BedSearch {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, NAME)
  district?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, NAME)
  state?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 2)
  country?: string;

  @Field(() => Sex, { nullable: true })
  sex?: Sex;

  @Field(() => Int, { nullable: true, description: 'Units whose [minAge, maxAge] contains it.' })
  @IsOptional()
  @Min(0)
  @Max(AGE_LIMIT)
  age?: number;

  @Field(() => Service, { nullable: true })
  service?: Service;

  @Field(() => Boolean, { nullable: true, description: 'Only units with available > 0.' })
  availableOnly?: boolean;
}

export const MAX_BEDS_PER_UNIT = 10_000;

@InputType('UpdateBedUnitInput')
export class UpdateBedUnitInput {
  @Field(() => ID)
  @IsUUID('all')
  unitId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(MAX_BEDS_PER_UNIT)
  capacity?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(MAX_BEDS_PER_UNIT)
  occupied?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string;
}

const ADDRESS = 500;
const SERVICES = Object.keys(Service).length;

@InputType('CreateFacilityInput')
export class CreateFacilityInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => FacilityKind)
  kind!: FacilityKind;

  @Field(() => String)
  @Length(1, NAME)
  district!: string;

  @Field(() => String)
  @Length(1, NAME)
  state!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  @IsISO31661Alpha2()
  country!: string;

  @Field(() => String, { nullable: true, description: 'Seen only by the owning organisation.' })
  @IsOptional()
  @MaxLength(ADDRESS)
  address?: string | null;

  @Field(() => [Service])
  @ArrayMaxSize(SERVICES)
  services!: Service[];
}

/** Fields left out stay as they are; `address: null` removes the address. */
@InputType('UpdateFacilityInput')
export class UpdateFacilityInput {
  @Field(() => ID)
  @IsUUID('all')
  facilityId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, NAME)
  district?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(ADDRESS)
  address?: string | null;

  @Field(() => [Service], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(SERVICES)
  services?: Service[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false is refused while accepted referrals hold beds in its units.',
  })
  active?: boolean | null;
}

@InputType('CreateBedUnitInput')
export class CreateBedUnitInput {
  @Field(() => ID)
  @IsUUID('all')
  facilityId!: string;

  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => Int)
  @Min(0)
  @Max(AGE_LIMIT)
  minAge!: number;

  @Field(() => Int)
  @Min(0)
  @Max(AGE_LIMIT)
  maxAge!: number;

  @Field(() => Int)
  @Min(0)
  @Max(MAX_BEDS_PER_UNIT)
  capacity!: number;

  @Field(() => Int)
  @Min(0)
  @Max(MAX_BEDS_PER_UNIT)
  occupied!: number;
}
