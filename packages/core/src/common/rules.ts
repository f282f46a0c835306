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

const roleRules = new Map<string, Rule>();

/**
 * Signed in, with at least one of the roles in the caller's active membership. One rule instance per set
 * of roles: shield caches rules by name and refuses two different rules under one name.
 */
export function hasRole(...roles: Role[]): Rule {
  const name = `hasRole(${[...roles].sort().join(',')})`;
  let combined = roleRules.get(name);
  if (!combined) {
    const holdsRole = rule(name, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
      ctx.hasRole(...roles) ? true : new ForbiddenError(),
    );
    combined = chain(isAuthenticated, holdsRole);
    roleRules.set(name, combined);
  }
  return combined;
}
