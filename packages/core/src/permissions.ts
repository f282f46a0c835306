import { shield } from 'graphql-shield';
import { ForbiddenError } from './common/errors';
import { deny, type Rule, type RuleMap } from './common/rules';
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
