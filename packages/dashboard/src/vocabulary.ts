import type { Role, Service, Sex } from './gql/graphql';

export type { Role, Service, Sex };

/** Every enum value the filters offer, in the order shown. */
export const SEXES: readonly Sex[] = ['FEMALE', 'MALE', 'OTHER'];
export const SERVICES: readonly Service[] = [
  'SHELTER',
  'COUNSELLING',
  'MEDICAL',
  'EDUCATION',
  'LEGAL_AID',
  'VOCATIONAL_TRAINING',
  'FAMILY_TRACING',
  'REPATRIATION_SUPPORT',
];

/** The contract's error codes (see contract/schema.graphql's header). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INVALID_TRANSITION',
  'NO_CAPACITY',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (value: unknown): value is ErrorCode => ERROR_CODES.some((code) => code === value);
