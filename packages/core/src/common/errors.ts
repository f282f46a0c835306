import { GraphQLError } from 'graphql';

/** The error codes of the contract header; nothing else reaches a client. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  NO_CAPACITY: 'NO_CAPACITY',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const CODES = new Set<string>(Object.values(ErrorCode));

/** A failure the caller may be told about: it carries a contract code and a safe message. */
export abstract class CodedError extends GraphQLError {
  protected constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class UnauthenticatedError extends CodedError {
  constructor(message = 'Sign in to continue.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends CodedError {
  constructor(message = 'Your role does not allow this.') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class NotFoundError extends CodedError {
  constructor(entity: string) {
    super(ErrorCode.NOT_FOUND, `${entity} not found.`);
  }
}

/**
 * `fields` are input paths such as `input.capacity`, so a form can mark the offending control; `extra`
 * carries what a client needs to say why in its own language (a `reason` code, the records in the way).
 */
export class BadUserInputError extends CodedError {
  constructor(message: string, fields: string[], extra: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { ...extra, fields });
  }
}

export class InvalidTransitionError extends CodedError {
  constructor(message: string, status: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.INVALID_TRANSITION, message, { ...extra, status });
  }
}

export class NoCapacityError extends CodedError {
  constructor(message = 'No bed is free in this unit.') {
    super(ErrorCode.NO_CAPACITY, message);
  }
}

export class ConflictError extends CodedError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extra);
  }
}

export class RateLimitedError extends CodedError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, 'Too many attempts. Try again later.', { retryAfterSeconds });
  }
}
