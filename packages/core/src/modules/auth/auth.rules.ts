import { allow, type RuleMap } from '../../common/rules';

export const authRules: RuleMap = {
  Mutation: {
    // Signing in is the one door open to everyone; the login throttle guards it.
    login: allow,
  },
  AuthPayload: allow,
};
