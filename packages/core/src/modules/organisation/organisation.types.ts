import { Field, ID, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../../common/enums';

@ObjectType('Organisation')
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
