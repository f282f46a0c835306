import { Role } from '../../common/enums';
import { allow, hasRole, isAuthenticated, type RuleMap } from '../../common/rules';

export const subjectRules: RuleMap = {
  Query: {
    // Which subject: the service shows only the caller's own, those referred to it, those consented to it.
    subject: isAuthenticated,
    // The roles that refer, record consent or open repatriation cases pick subjects; the list is the caller's
    // organisation's only.
    subjects: hasRole(Role.CASEWORKER, Role.ORG_ADMIN, Role.REPATRIATION_LIAISON),
  },
  Mutation: {
    createSubject: hasRole(Role.CASEWORKER, Role.ORG_ADMIN),
    // A liaison only for repatriation (the service checks the purpose).
    recordConsent: hasRole(Role.CASEWORKER, Role.ORG_ADMIN, Role.REPATRIATION_LIAISON),
    withdrawConsent: hasRole(Role.CASEWORKER, Role.ORG_ADMIN),
  },
  Subject: allow,
  // Who sees an identity is decided per subject by the service, and audited.
  SubjectIdentity: allow,
  Consent: allow,
  SubjectEdge: allow,
  SubjectConnection: allow,
};
