import { Role } from '../../common/enums';
import { allow, hasRole, type RuleMap } from '../../common/rules';

export const invitationRules: RuleMap = {
  Mutation: {
    // Into the caller's own organisation only: the input names no organisation.
    inviteUser: hasRole(Role.ORG_ADMIN),
    // The token is the credential: random, single use, short-lived.
    acceptInvitation: allow,
  },
  Invitation: allow,
};
