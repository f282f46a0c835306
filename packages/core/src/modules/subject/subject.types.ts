import { IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ApiObjectType } from '../../common/api-object-type';
import { Sex } from '../../common/enums';
import { PageInfo } from '../../common/pagination';
import { DateOnly, DateTime } from '../../common/scalars';
import type { SealedIdentity } from './identity-cipher';
import { ConsentGivenBy, ConsentPurpose } from './subject.enums';

@ApiObjectType('SubjectIdentity')
export class SubjectIdentity {
  @Field(() => String)
  fullName!: string;

  @Field(() => DateOnly, { nullable: true })
  dateOfBirth!: Date | null;

  @Field(() => String, { nullable: true })
  guardianContact!: string | null;

  @Field(() => String, { nullable: true })
  homeAddress!: string | null;
}

@ApiObjectType('Subject', {
  description:
    'A survivor or child known to one organisation, by pseudonym. `identity` is null unless the caller may see it; every non-null read is audited.',
})
export class Subject {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Pseudonym, e.g. JKPS-2026-0042.' })
  code!: string;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => Int, { nullable: true, description: 'Whole years, from date of birth or estimate.' })
  age!: number | null;

  @Field(() => Boolean, { description: 'Under 18, or age unknown and not yet assessed.' })
  isMinor!: boolean;

  @Field(() => String)
  nationality!: string;

  organisationId!: string;
  sealedIdentity!: SealedIdentity;
}

@ApiObjectType('SubjectEdge')
export class SubjectEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Subject)
  node!: Subject;
}

@ApiObjectType('SubjectConnection')
export class SubjectConnection {
  @Field(() => [SubjectEdge])
  edges!: SubjectEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ApiObjectType('Consent')
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field(() => ConsentGivenBy)
  givenBy!: ConsentGivenBy;

  @Field(() => DateTime)
  givenAt!: Date;

  @Field(() => DateTime, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  withdrawnAt!: Date | null;

  subjectId!: string;
  grantedToOrganisationId!: string;
}

const COUNTRY = /^[A-Za-z]{2}$/;

@InputType('CreateSubjectInput')
export class CreateSubjectInput {
  @Field(() => Sex)
  sex!: Sex;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(120)
  age?: number | null;

  @Field(() => DateOnly, { nullable: true })
  dateOfBirth?: Date | null;

  @Field(() => String)
  @Matches(COUNTRY, { message: 'nationality must be an ISO 3166-1 alpha-2 code such as IN, BD or NP' })
  nationality!: string;

  @Field(() => String)
  @Length(1, 200)
  fullName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  guardianContact?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  homeAddress?: string | null;
}

@InputType('RecordConsentInput')
export class RecordConsentInput {
  @Field(() => ID)
  @IsUUID('all')
  subjectId!: string;

  @Field(() => ID)
  @IsUUID('all')
  grantedToOrganisationId!: string;

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field(() => ConsentGivenBy)
  givenBy!: ConsentGivenBy;

  @Field(() => DateTime, { nullable: true })
  expiresAt?: Date | null;
}
