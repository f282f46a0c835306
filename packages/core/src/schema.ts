import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, type PubSub } from 'type-graphql';
import { DateTime } from './common/scalars';
import { validateInput } from './common/validation';
import { callFieldResolversDirectly } from './lean-resolvers';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import {
  BedUnitResolver,
  FacilityResolver,
  OrganisationFacilitiesResolver,
} from './modules/facility/facility.resolver';
import { InvitationResolver, UserInvitationResolver } from './modules/invitation/invitation.resolver';
import { OrganisationResolver } from './modules/organisation/organisation.resolver';
import { ReferralEventResolver, ReferralResolver } from './modules/referral/referral.resolver';
import { CaseEventResolver, RepatriationResolver } from './modules/repatriation/repatriation.resolver';
import { ConsentResolver, SubjectResolver } from './modules/subject/subject.resolver';
import { UserResolver } from './modules/user/user.resolver';
import { permissionMiddleware } from './permissions';

export const RESOLVERS = [
  AuthResolver,
  UserResolver,
  InvitationResolver,
  UserInvitationResolver,
  OrganisationResolver,
  FacilityResolver,
  BedUnitResolver,
  OrganisationFacilitiesResolver,
  SubjectResolver,
  ConsentResolver,
  ReferralResolver,
  ReferralEventResolver,
  RepatriationResolver,
  CaseEventResolver,
  AuditResolver,
] as const;

export interface SchemaOptions {
  pubSub: PubSub;
  /** Off only to measure what the permission layer costs; never in a served gateway. */
  withPermissions?: boolean;
}

export async function buildSahayogSchema(options: SchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    pubSub: options.pubSub,
    validateFn: validateInput,
    scalarsMap: [{ type: Date, scalar: DateTime }],
  });
  callFieldResolversDirectly(schema);
  return options.withPermissions === false ? schema : applyMiddleware(schema, permissionMiddleware(schema));
}

/** The SDL the gateway serves, in a stable order: what `packages/core/schema.graphql` must hold. */
export async function servedSchemaSDL(): Promise<string> {
  const schema = await buildSahayogSchema({ pubSub: createPubSub() });
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
