import type { GraphQLSchema } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import { shield } from 'graphql-shield';
import { ForbiddenError } from './common/errors';
import { allow, deny, isAuthenticated, type Rule, type RuleMap } from './common/rules';
import { auditRules } from './modules/audit/audit.rules';
import { authRules } from './modules/auth/auth.rules';
import { facilityRules } from './modules/facility/facility.rules';
import { invitationRules } from './modules/invitation/invitation.rules';
import { organisationRules } from './modules/organisation/organisation.rules';
import { referralRules } from './modules/referral/referral.rules';
import { repatriationRules } from './modules/repatriation/repatriation.rules';
import { subjectRules } from './modules/subject/subject.rules';
import { userRules } from './modules/user/user.rules';

export const MODULE_RULES: RuleMap[] = [
  authRules,
  userRules,
  invitationRules,
  organisationRules,
  facilityRules,
  subjectRules,
  referralRules,
  repatriationRules,
  auditRules,
];

/** One map from every module's; a field claimed by two modules is a mistake worth failing on. */
export function mergeRules(maps: RuleMap[]): RuleMap {
  const merged: Record<string, Rule | Record<string, Rule>> = {};
  for (const map of maps) {
    for (const [type, rules] of Object.entries(map)) {
      const existing = merged[type];
      if (existing === undefined) {
        merged[type] = typeof rules === 'object' && !('resolve' in rules) ? { ...rules } : rules;
        continue;
      }
      if (typeof existing !== 'object' || 'resolve' in existing || typeof rules !== 'object' || 'resolve' in rules) {
        throw new Error(`permissions for ${type} are declared by more than one module`);
      }
      for (const [field, rule] of Object.entries(rules as Record<string, Rule>)) {
        if (field in existing) throw new Error(`permission for ${type}.${field} is declared twice`);
        (existing as Record<string, Rule>)[field] = rule;
      }
    }
  }
  return merged;
}

export const RULES = mergeRules(MODULE_RULES);

/** Deny by default; coded errors thrown by services pass through untouched. */
export const permissions = shield(RULES, {
  fallbackRule: deny,
  allowExternalErrors: true,
  fallbackError: async () => new ForbiddenError(),
});

/**
 * The shield's middleware for the fields that need a rule. Shield wraps every field of every type, and on
 * a list of a hundred objects those wrappers cost more than the rest of the request; a type whose every
 * field is allowed answers the same without them, so only its wrappers are left out. Every other type,
 * including those no module names (denied by the fallback rule), stays wrapped.
 */
export function permissionMiddleware(schema: GraphQLSchema): IMiddlewareTypeMap {
  const generated = permissions.generate(schema) as IMiddlewareTypeMap;
  return Object.fromEntries(Object.entries(generated).filter(([type]) => RULES[type] !== allow));
}

/** Whether the rule on a field asks no more than a signed-in caller, so that any caller's answer could stand. */
export function asksOnlySignIn(type: string, field: string): boolean {
  const rules = RULES[type];
  const rule =
    rules === undefined || rules === allow || 'resolve' in rules ? rules : (rules as Record<string, Rule>)[field];
  return rule === allow || rule === isAuthenticated;
}
