import { Role } from '../../common/enums';
import { allow, hasRole, isAuthenticated, type RuleMap } from '../../common/rules';

export const organisationRules: RuleMap = {
  Query: {
    organisations: isAuthenticated,
    organisation: isAuthenticated,
  },
  Mutation: {
    createOrganisation: hasRole(Role.NETWORK_ADMIN),
    setOrganisationActive: hasRole(Role.NETWORK_ADMIN),
  },
  Organisation: allow,
};
