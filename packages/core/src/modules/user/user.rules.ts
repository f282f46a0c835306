import { allow, isAuthenticated, type RuleMap } from '../../common/rules';

export const userRules: RuleMap = {
  Query: {
    me: isAuthenticated,
  },
  User: allow,
};
