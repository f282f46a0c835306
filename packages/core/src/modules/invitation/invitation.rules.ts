import { Role } from '../../common/enums';
import { allow, hasRole, type RuleMap } from '../../common/rules';

export const invitationRules: RuleMap = {
  Mutation: {
    // Into the caller's own organisation only: the input names no organisation.
    inviteUser: hasRole(Role.ORG_ADMIN),
    // The token is the credential: random, single use, short-lived.
    acceptInvitation: allow,
    // Whose: the service allows the caller's own staff (ORG_ADMIN), or any organisation's admin
    // invitee (NETWORK_ADMIN), so a partner whose first admin missed the window is not locked out.
    reissueInvitation: hasRole(Role.ORG_ADMIN, Role.NETWORK_ADMIN),
  },
  Invitation: allow,
  PendingInvitation: allow,
};
