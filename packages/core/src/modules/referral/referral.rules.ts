import { Role } from '../../common/enums';
import { allow, hasRole, isAuthenticated, type RuleMap } from '../../common/rules';

const { CASEWORKER, SHELTER_COORDINATOR, ORG_ADMIN } = Role;

/** Roles here; which side of a referral may act is decided by the service (sender, receiver, either). */
export const referralRules: RuleMap = {
  Query: {
    referrals: isAuthenticated,
    referral: isAuthenticated,
    referralCounts: isAuthenticated,
  },
  Mutation: {
    createReferral: hasRole(CASEWORKER),
    withdrawReferral: hasRole(CASEWORKER),
    acceptReferral: hasRole(CASEWORKER, SHELTER_COORDINATOR, ORG_ADMIN),
    declineReferral: hasRole(CASEWORKER, SHELTER_COORDINATOR, ORG_ADMIN),
    completeReferral: hasRole(CASEWORKER, SHELTER_COORDINATOR, ORG_ADMIN),
    cancelReferral: hasRole(CASEWORKER, ORG_ADMIN),
  },
  Subscription: {
    referralUpdated: isAuthenticated,
  },
  Referral: allow,
  ReferralEvent: allow,
  ReferralEdge: allow,
  ReferralConnection: allow,
  ReferralStatusCount: allow,
  PageInfo: allow,
};
