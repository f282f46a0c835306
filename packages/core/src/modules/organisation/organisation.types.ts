import { IsEmail, IsISO31661Alpha2, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { OrganisationKind } from '../../common/enums';
import { MAX_DISPLAY_NAME, MAX_EMAIL } from '../invitation/invitation.types';

@ApiObjectType('Organisation')
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  shortName!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => String)
  country!: string;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => Boolean)
  active!: boolean;
}

/** 2 to 20 letters, digits and dashes, starting with a letter or digit; stored upper-cased (JKPS, NP-PARTNER). */
export const SHORT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{1,19}$/;

@InputType('CreateOrganisationInput')
export class CreateOrganisationInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: 'Unique, e.g. JKPS, MAHIMA, NEWLIGHT; stored upper-cased.' })
  @Matches(SHORT_NAME, { message: 'shortName must be 2 to 20 letters, digits or dashes' })
  shortName!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2: IN, BD, NP.' })
  @IsISO31661Alpha2()
  country!: string;

  @Field(() => String, { nullable: true, description: 'State / division / province.' })
  @IsOptional()
  @Length(1, 100)
  region?: string | null;

  @Field(() => String)
  @IsEmail()
  @MaxLength(MAX_EMAIL)
  adminEmail!: string;

  @Field(() => String)
  @Length(1, MAX_DISPLAY_NAME)
  adminDisplayName!: string;
}
