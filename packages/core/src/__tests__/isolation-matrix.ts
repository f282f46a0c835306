/**
 * The isolation policy of the served schema, one row per Query, Mutation and Subscription field: what
 * each demo role gets when it calls the operation on an object of its own organisation, of a partner
 * that shares it with them, and of an unrelated organisation. `isolation-matrix.test.ts` runs every cell
 * through the HTTP API and fails when a root field has no row here, or a row names no root field.
 *
 * The cases, seen from New Light (whose staff hold every organisation role):
 * - own: New Light's object, shared with JKPS where it can be (New Light refers to JKPS, is the home
 *   organisation of a case with JKPS as counterpart, grants JKPS a consent);
 * - partner: JKPS's object shared with New Light (JKPS refers to New Light, New Light is the case's
 *   counterpart, JKPS grants New Light a consent); for network-wide objects (organisations, facilities,
 *   units, staff, audit entries) simply JKPS's;
 * - foreign: MAHIMA's object, shared with JKPS, never with New Light.
 * The network administrator belongs to the secretariat, so all three are other organisations' objects to
 * it. An operation without an object (creating, signing in, one's own account) has a single case.
 */
export enum Outcome {
  /** Succeeds (a mutation's change is in the database). */
  ALLOWED = 'ALLOWED',
  /** Succeeds and shows the protected detail: a subject's identity, a facility's street address. */
  VISIBLE = 'VISIBLE',
  /** Succeeds with the protected detail withheld (null). */
  REDACTED = 'REDACTED',
  /** A list that includes the object. */
  LISTED = 'LISTED',
  /** A list that leaves the object out. */
  NOT_LISTED = 'NOT_LISTED',
  /** A subscription that tells the caller of a change to the object. */
  DELIVERED = 'DELIVERED',
  /** A subscription that keeps a change to the object from the caller. */
  NOT_DELIVERED = 'NOT_DELIVERED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
}

export const CALLERS = [
  'ANONYMOUS',
  'NETWORK_ADMIN',
  'ORG_ADMIN',
  'CASEWORKER',
  'SHELTER_COORDINATOR',
  'REPATRIATION_LIAISON',
  'VIEWER',
] as const;
export type Caller = (typeof CALLERS)[number];

export const SCOPES = ['own', 'partner', 'foreign'] as const;
export type Scope = (typeof SCOPES)[number];

export type Member = Exclude<Caller, 'ANONYMOUS'>;

/** Own, partner, foreign. */
type PerScope = readonly [Outcome, Outcome, Outcome];
export type Row =
  { kind: 'object'; outcomes: Record<Caller, PerScope> } | { kind: 'single'; outcomes: Record<Caller, Outcome> };

const {
  ALLOWED: OK,
  VISIBLE,
  REDACTED,
  LISTED,
  NOT_LISTED,
  DELIVERED,
  NOT_DELIVERED,
  UNAUTHENTICATED: UNAUTH,
  FORBIDDEN: DENY,
  NOT_FOUND: NONE,
} = Outcome;

const every = (outcome: Outcome): PerScope => [outcome, outcome, outcome];

/** The same for every signed-in role. */
function members<T>(value: T): Record<Member, T> {
  return {
    NETWORK_ADMIN: value,
    ORG_ADMIN: value,
    CASEWORKER: value,
    SHELTER_COORDINATOR: value,
    REPATRIATION_LIAISON: value,
    VIEWER: value,
  };
}

/** An operation on an object; an anonymous caller is UNAUTHENTICATED, a role not named FORBIDDEN by its rule. */
function onObject(outcomes: Partial<Record<Member, PerScope>>): Row {
  return { kind: 'object', outcomes: { ANONYMOUS: every(UNAUTH), ...members(every(DENY)), ...outcomes } };
}

/** An operation without an object; an anonymous caller is UNAUTHENTICATED unless named, a role not named FORBIDDEN. */
function single(outcomes: Partial<Record<Caller, Outcome>>): Row {
  return { kind: 'single', outcomes: { ANONYMOUS: UNAUTH, ...members(DENY), ...outcomes } };
}

/** Survivors' data: the own organisation and the partner it is shared with; nobody else, not the secretariat. */
const SHARED_READ: PerScope = [VISIBLE, VISIBLE, NONE];
const SHARED_LIST: PerScope = [VISIBLE, VISIBLE, NOT_LISTED];
/** Network-wide: everyone sees it, only the owner sees the street address. */
const ADDRESS_READ: PerScope = [VISIBLE, REDACTED, REDACTED];
/** A change only the owning organisation may make; a visible object of another answers FORBIDDEN. */
const OWNER_ONLY: PerScope = [OK, DENY, NONE];
/** A change only the receiving side of a referral may make. */
const RECEIVER_ONLY: PerScope = [DENY, OK, NONE];
/** Staff, facilities and units are managed within one's own organisation; another's look missing. */
const OWN_ADMIN: PerScope = [OK, NONE, NONE];
/** Either side of a case: the home organisation, and the counterpart's liaison for the counterpart's steps. */
const EITHER_SIDE: PerScope = [OK, OK, NONE];

export const ISOLATION_MATRIX: Record<string, Row> = {
  // Queries
  auditEvents: onObject({ NETWORK_ADMIN: every(LISTED), ORG_ADMIN: [LISTED, NOT_LISTED, NOT_LISTED] }),
  bedAvailability: onObject({ ...members(ADDRESS_READ), NETWORK_ADMIN: every(REDACTED) }),
  facilities: onObject({ ...members(ADDRESS_READ), NETWORK_ADMIN: every(REDACTED) }),
  facility: onObject({ ...members(ADDRESS_READ), NETWORK_ADMIN: every(REDACTED) }),
  bedUnit: onObject({ ...members(ADDRESS_READ), NETWORK_ADMIN: every(REDACTED) }),
  me: single(members(OK)),
  // Numbers per status of the caller's own referrals; which referrals they count is the referral list's test.
  referralCounts: single(members(OK)),
  organisation: onObject(members(every(OK))),
  organisations: onObject(members(every(LISTED))),
  referral: onObject({ ...members(SHARED_READ), NETWORK_ADMIN: every(NONE) }),
  referrals: onObject({ ...members(SHARED_LIST), NETWORK_ADMIN: every(NOT_LISTED) }),
  repatriationCase: onObject({ ...members(SHARED_READ), NETWORK_ADMIN: every(NONE) }),
  repatriationCases: onObject({ ...members(SHARED_LIST), NETWORK_ADMIN: every(NOT_LISTED) }),
  subject: onObject({ ...members(SHARED_READ), NETWORK_ADMIN: every(NONE) }),
  // The picker of the roles that refer or open repatriation cases: the caller's own subjects only, not those
  // shared with it.
  subjects: onObject({
    ORG_ADMIN: [VISIBLE, NOT_LISTED, NOT_LISTED],
    CASEWORKER: [VISIBLE, NOT_LISTED, NOT_LISTED],
    REPATRIATION_LIAISON: [VISIBLE, NOT_LISTED, NOT_LISTED],
  }),
  users: onObject({ NETWORK_ADMIN: every(LISTED), ORG_ADMIN: [LISTED, NOT_LISTED, NOT_LISTED] }),

  // Mutations: signing in and sessions
  // The invitation is New Light's: a session of another organisation (the secretariat's) cannot take it up.
  acceptInvitation: single({ ANONYMOUS: OK, ...members(OK), NETWORK_ADMIN: DENY }),
  changePassword: single(members(OK)),
  login: single({ ANONYMOUS: OK, ...members(OK) }),
  refreshSession: single({ ANONYMOUS: OK, ...members(OK) }),
  signOut: single(members(OK)),

  // Mutations: administration
  createOrganisation: single({ NETWORK_ADMIN: OK }),
  setOrganisationActive: onObject({ NETWORK_ADMIN: every(OK) }),
  inviteUser: single({ ORG_ADMIN: OK }),
  setUserActive: onObject({ ORG_ADMIN: OWN_ADMIN }),
  setUserRoles: onObject({ ORG_ADMIN: OWN_ADMIN }),
  // A network administrator re-issues only an organisation's first-admin invitation, never ordinary staff's.
  reissueInvitation: onObject({ ORG_ADMIN: OWN_ADMIN }),
  createFacility: single({ ORG_ADMIN: OK }),
  updateFacility: onObject({ ORG_ADMIN: OWN_ADMIN }),
  createBedUnit: onObject({ ORG_ADMIN: OWN_ADMIN }),
  updateBedUnit: onObject({ ORG_ADMIN: OWN_ADMIN, SHELTER_COORDINATOR: OWN_ADMIN }),

  // Mutations: subjects and consent
  createSubject: single({ ORG_ADMIN: OK, CASEWORKER: OK }),
  // The recipe records a REPATRIATION consent, the one purpose a liaison may record.
  recordConsent: onObject({ ORG_ADMIN: OWNER_ONLY, CASEWORKER: OWNER_ONLY, REPATRIATION_LIAISON: OWNER_ONLY }),
  // A consent granted to New Light is JKPS's to withdraw: New Light holds none of its own records of it.
  withdrawConsent: onObject({ ORG_ADMIN: OWN_ADMIN, CASEWORKER: OWN_ADMIN }),

  // Mutations: referrals (own: New Light sends; partner: New Light receives)
  createReferral: onObject({ CASEWORKER: OWNER_ONLY }),
  withdrawReferral: onObject({ CASEWORKER: OWNER_ONLY }),
  acceptReferral: onObject({ ORG_ADMIN: RECEIVER_ONLY, CASEWORKER: RECEIVER_ONLY, SHELTER_COORDINATOR: RECEIVER_ONLY }),
  declineReferral: onObject({
    ORG_ADMIN: RECEIVER_ONLY,
    CASEWORKER: RECEIVER_ONLY,
    SHELTER_COORDINATOR: RECEIVER_ONLY,
  }),
  completeReferral: onObject({
    ORG_ADMIN: RECEIVER_ONLY,
    CASEWORKER: RECEIVER_ONLY,
    SHELTER_COORDINATOR: RECEIVER_ONLY,
  }),
  cancelReferral: onObject({ ORG_ADMIN: EITHER_SIDE, CASEWORKER: EITHER_SIDE }),

  // Mutations: repatriation (own: New Light is the home organisation; partner: New Light is the counterpart)
  openRepatriationCase: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: OWNER_ONLY }),
  setRepatriationCounterpart: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: OWNER_ONLY }),
  holdRepatriationCase: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: OWNER_ONLY }),
  resumeRepatriationCase: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: OWNER_ONLY }),
  cancelRepatriationCase: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: OWNER_ONLY }),
  closeRepatriationCase: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: OWNER_ONLY }),
  // The counterpart's liaison carries out its own steps, records its documents and makes the follow-up visits.
  updateMilestone: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: EITHER_SIDE }),
  recordDocument: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: EITHER_SIDE }),
  recordFollowUpVisit: onObject({ ORG_ADMIN: OWNER_ONLY, REPATRIATION_LIAISON: EITHER_SIDE }),

  // Subscriptions
  bedAvailabilityChanged: onObject(members(every(DELIVERED))),
  referralUpdated: onObject({
    ...members([DELIVERED, DELIVERED, NOT_DELIVERED]),
    NETWORK_ADMIN: every(NOT_DELIVERED),
  }),
  repatriationCaseUpdated: onObject({
    ...members([DELIVERED, DELIVERED, NOT_DELIVERED]),
    NETWORK_ADMIN: every(NOT_DELIVERED),
  }),
};
