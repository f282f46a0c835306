import { Role } from '../../common/enums';
import { allow, hasRole, isAuthenticated, type RuleMap } from '../../common/rules';

const liaisonOrAdmin = hasRole(Role.REPATRIATION_LIAISON, Role.ORG_ADMIN);

/**
 * Roles here; which side may do what is decided by the service: the home organisation runs the case, the
 * counterpart's liaison updates the steps the counterpart carries out.
 */
export const repatriationRules: RuleMap = {
  Query: {
    repatriationCases: isAuthenticated,
    repatriationCase: isAuthenticated,
  },
  Mutation: {
    openRepatriationCase: liaisonOrAdmin,
    updateMilestone: liaisonOrAdmin,
    recordDocument: liaisonOrAdmin,
    setRepatriationCounterpart: liaisonOrAdmin,
    recordFollowUpVisit: liaisonOrAdmin,
    holdRepatriationCase: liaisonOrAdmin,
    resumeRepatriationCase: liaisonOrAdmin,
    cancelRepatriationCase: liaisonOrAdmin,
    closeRepatriationCase: liaisonOrAdmin,
  },
  Subscription: {
    repatriationCaseUpdated: isAuthenticated,
  },
  RepatriationCase: allow,
  RepatriationCaseUpdate: allow,
  Milestone: allow,
  CaseDocument: allow,
  FollowUpVisit: allow,
  CaseEvent: allow,
};
