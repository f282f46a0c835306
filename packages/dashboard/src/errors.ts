import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isErrorCode, type ErrorCode } from './vocabulary';

/** A failed request as the screens need it: the contract's code, or null when the gateway was not reached. */
export interface RequestFailure {
  code: ErrorCode | null;
  error: GraphQLFormattedError | null;
}

export function describeFailure(error: unknown): RequestFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0] ?? null;
    const code = first?.extensions?.['code'];
    return { code: isErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR', error: first };
  }
  if (ServerError.is(error) && error.statusCode >= 500) return { code: 'INTERNAL_SERVER_ERROR', error: null };
  return { code: null, error: null };
}
