import { allow, isAuthenticated, type RuleMap } from '../../common/rules';

export const authRules: RuleMap = {
  Mutation: {
    // Signing in is the one door open to everyone; the login throttle guards it.
    login: allow,
    // The refresh token is the credential: long, random, single-use.
    refreshSession: allow,
    signOut: isAuthenticated,
    // Their own password only; the current one must be given.
    changePassword: isAuthenticated,
  },
  AuthPayload: allow,
};
