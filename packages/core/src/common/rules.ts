import { chain, rule } from 'graphql-shield';
import type { RequestContext } from '../context/request-context';
import type { Role } from './enums';
import { ForbiddenError, UnauthenticatedError } from './errors';

export type Rule = Parameters<typeof chain>[0];
/** A module's permissions: per type, one rule for the whole type or one per field. */
export type RuleMap = Record<string, Rule | Record<string, Rule>>;
export { allow, deny } from 'graphql-shield';

/** Reads only the context, so shield may cache it for the whole request. */
export const isAuthenticated: Rule = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => (ctx.actor ? true : new UnauthenticatedError()),
);

/** Signed in, with at least one of the roles in the caller's active membership. */
export function hasRole(...roles: Role[]): Rule {
  const holdsRole = rule(`hasRole(${[...roles].sort().join(',')})`, { cache: 'contextual' })(
    (_parent, _args, ctx: RequestContext) => (ctx.hasRole(...roles) ? true : new ForbiddenError()),
  );
  return chain(isAuthenticated, holdsRole);
}
