import { allow, isAuthenticated, type RuleMap } from '../../common/rules';

export const organisationRules: RuleMap = {
  Query: {
    organisations: isAuthenticated,
    organisation: isAuthenticated,
  },
  Organisation: allow,
};
