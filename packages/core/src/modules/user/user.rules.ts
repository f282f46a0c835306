import { Role } from '../../common/enums';
import { allow, hasRole, isAuthenticated, type RuleMap } from '../../common/rules';

export const userRules: RuleMap = {
  Query: {
    me: isAuthenticated,
    // Whose users: the service lists the caller's organisation, or everyone for a network administrator.
    users: hasRole(Role.ORG_ADMIN, Role.NETWORK_ADMIN),
  },
  Mutation: {
    // Which user: the service finds members of the caller's own organisation only.
    setUserRoles: hasRole(Role.ORG_ADMIN),
    setUserActive: hasRole(Role.ORG_ADMIN),
  },
  User: allow,
};
