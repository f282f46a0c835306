import { Role } from '../../common/enums';
import { allow, hasRole, type RuleMap } from '../../common/rules';

export const auditRules: RuleMap = {
  Query: {
    // Which entries: the service limits an organisation admin to their own organisation's.
    auditEvents: hasRole(Role.ORG_ADMIN, Role.NETWORK_ADMIN),
  },
  AuditEvent: allow,
};
