import { unwrapResolverError } from '@apollo/server/errors';
import { CodedError, ErrorCode } from '@sahayog/core';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** graphql-js and Apollo answer malformed requests with these; the contract calls them all BAD_USER_INPUT. */
const REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * graphql-js names a variable that failed coercion in its message (`Variable "$input" got invalid value
 * ... at "input.dateOfBirth"`); the contract wants that path in `extensions.fields`.
 */
function variablePaths(message: string): string[] {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (!variable) return [];
  return [/ at "([^"]+)"/.exec(message)?.[1] ?? variable];
}

/**
 * The one place errors leave the gateway: coded errors as they are, malformed requests as
 * BAD_USER_INPUT, and everything else as a generic INTERNAL_SERVER_ERROR (details only in development).
 */
export function createErrorFormatter(production: boolean, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = { path: formatted.path, locations: formatted.locations };
    if (original instanceof CodedError) {
      return { message: original.message, ...where, extensions: { ...original.extensions } };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && REQUEST_ERRORS.has(code)) {
      return {
        message: formatted.message,
        ...where,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields: variablePaths(formatted.message), reason: code },
      };
    }
    logger.error({ err: original }, 'unexpected error');
    const detail =
      production || !(original instanceof Error)
        ? {}
        : { detail: original.message, stacktrace: original.stack?.split('\n') ?? [] };
    return {
      message: 'Something went wrong on our side. Nothing was changed; please try again.',
      ...where,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...detail },
    };
  };
}
