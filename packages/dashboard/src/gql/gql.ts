/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment BedUnitRow on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n    version\n    updatedAt\n    facility {\n      id\n      name\n      district\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": typeof types.BedUnitRowFragmentDoc,
    "\n  query BedAvailability($filter: BedSearch) {\n    bedAvailability(filter: $filter) {\n      ...BedUnitRow\n    }\n  }\n": typeof types.BedAvailabilityDocument,
    "\n  query Districts {\n    facilities {\n      id\n      district\n    }\n  }\n": typeof types.DistrictsDocument,
    "\n  subscription BedAvailabilityChanged {\n    bedAvailabilityChanged {\n      ...BedUnitRow\n    }\n  }\n": typeof types.BedAvailabilityChangedDocument,
    "\n  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {\n    updateBedUnit(input: $input) {\n      ...BedUnitRow\n    }\n  }\n": typeof types.UpdateBedUnitDocument,
};
const documents: Documents = {
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": types.MeDocument,
    "\n  fragment BedUnitRow on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n    version\n    updatedAt\n    facility {\n      id\n      name\n      district\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": types.BedUnitRowFragmentDoc,
    "\n  query BedAvailability($filter: BedSearch) {\n    bedAvailability(filter: $filter) {\n      ...BedUnitRow\n    }\n  }\n": types.BedAvailabilityDocument,
    "\n  query Districts {\n    facilities {\n      id\n      district\n    }\n  }\n": types.DistrictsDocument,
    "\n  subscription BedAvailabilityChanged {\n    bedAvailabilityChanged {\n      ...BedUnitRow\n    }\n  }\n": types.BedAvailabilityChangedDocument,
    "\n  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {\n    updateBedUnit(input: $input) {\n      ...BedUnitRow\n    }\n  }\n": types.UpdateBedUnitDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BedUnitRow on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n    version\n    updatedAt\n    facility {\n      id\n      name\n      district\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BedUnitRow on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n    version\n    updatedAt\n    facility {\n      id\n      name\n      district\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BedAvailability($filter: BedSearch) {\n    bedAvailability(filter: $filter) {\n      ...BedUnitRow\n    }\n  }\n"): (typeof documents)["\n  query BedAvailability($filter: BedSearch) {\n    bedAvailability(filter: $filter) {\n      ...BedUnitRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Districts {\n    facilities {\n      id\n      district\n    }\n  }\n"): (typeof documents)["\n  query Districts {\n    facilities {\n      id\n      district\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BedAvailabilityChanged {\n    bedAvailabilityChanged {\n      ...BedUnitRow\n    }\n  }\n"): (typeof documents)["\n  subscription BedAvailabilityChanged {\n    bedAvailabilityChanged {\n      ...BedUnitRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {\n    updateBedUnit(input: $input) {\n      ...BedUnitRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {\n    updateBedUnit(input: $input) {\n      ...BedUnitRow\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;