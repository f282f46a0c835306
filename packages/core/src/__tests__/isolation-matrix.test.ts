import { buildSchema, type GraphQLObjectType } from 'graphql';
import {
  TestGateway,
  facilityId,
  organisationId,
  unitIn,
  type GraphQLClient,
  type GraphQLResponse,
} from '@sahayog/testing';
import { DEMO_PASSWORD } from '../database/demo/demo-network';
import { AuditLog } from '../modules/audit/audit.chain';
import { hashPassword } from '../modules/auth/passwords';
import { servedSchemaSDL } from '../schema';
import { CALLERS, ISOLATION_MATRIX, Outcome, SCOPES, type Caller, type Member, type Scope } from './isolation-matrix';

/**
 * Runs the isolation matrix: every cell of `isolation-matrix.ts` through the HTTP API (subscriptions over
 * WebSocket), as New Light's demo staff, the network administrator and an anonymous caller. Objects a
 * successful mutation changes are made fresh for its case; refusals share one object per scope and must
 * leave every table as it was.
 */

type Org = 'NEWLIGHT' | 'JKPS' | 'MAHIMA';
/** Whose object each case is, and the one organisation it is shared with. */
const HOLDER: Record<Scope, Org> = { own: 'NEWLIGHT', partner: 'JKPS', foreign: 'MAHIMA' };
const PEER: Record<Scope, Org> = { own: 'JKPS', partner: 'NEWLIGHT', foreign: 'JKPS' };
const FACILITY: Record<Org, string> = {
  NEWLIGHT: 'New Light Kalighat Creche-cum-Shelter',
  JKPS: 'Ashaloy Centre',
  MAHIMA: 'Mahima Umeed',
};
/** New Light's demo staff hold the organisation roles; the network administrator is the secretariat's. */
const ACCOUNT: Record<Member, [Org | 'SAHAYOG', string]> = {
  NETWORK_ADMIN: ['SAHAYOG', 'network'],
  ORG_ADMIN: ['NEWLIGHT', 'admin'],
  CASEWORKER: ['NEWLIGHT', 'caseworker'],
  SHELTER_COORDINATOR: ['NEWLIGHT', 'coordinator'],
  REPATRIATION_LIAISON: ['NEWLIGHT', 'liaison'],
  VIEWER: ['NEWLIGHT', 'viewer'],
};
const emailOf = (org: Org | 'SAHAYOG', prefix: string): string => `${prefix}@${org.toLowerCase()}.demo`;
/** Signing in, refreshing and accepting invitations need no session: anonymous callers use the viewer's account. */
const accountOf = (caller: Caller): string => emailOf(...ACCOUNT[caller === 'ANONYMOUS' ? 'VIEWER' : caller]);

let t: TestGateway;
const orgIds = new Map<string, string>();
const sessions = new Map<string, GraphQLClient>();
let serial = 0;
const unique = (): number => ++serial;

async function staff(org: Org | 'SAHAYOG', prefix: string): Promise<GraphQLClient> {
  const email = emailOf(org, prefix);
  let client = sessions.get(email);
  if (!client) {
    client = await t.signIn(email);
    sessions.set(email, client);
  }
  return client;
}

const callerClient = (caller: Caller): Promise<GraphQLClient> =>
  caller === 'ANONYMOUS' ? Promise.resolve(t.anonymous()) : staff(...ACCOUNT[caller]);

const org = (name: string): string => orgIds.get(name) as string;

// Fixtures: the objects of each case, built through the API as the holding organisation's staff would.

interface SubjectFixture {
  subjectId: string;
  /** The holder's REFERRAL consent to its peer, which shows the peer the identity. */
  consentId: string;
}

async function subjectOf(scope: Scope): Promise<SubjectFixture> {
  const caseworker = await staff(HOLDER[scope], 'caseworker');
  const { createSubject } = await caseworker.data<{ createSubject: { id: string } }>(
    `mutation($input: CreateSubjectInput!) { createSubject(input: $input) { id } }`,
    { input: { sex: 'FEMALE', age: 12, nationality: 'BD', fullName: 'Matrix Demo-Fictional' } },
  );
  const { recordConsent } = await caseworker.data<{ recordConsent: { id: string } }>(
    `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
    {
      input: {
        subjectId: createSubject.id,
        grantedToOrganisationId: org(PEER[scope]),
        purpose: 'REFERRAL',
        givenBy: 'CHILD_WELFARE_COMMITTEE',
      },
    },
  );
  return { subjectId: createSubject.id, consentId: recordConsent.id };
}

/** A referral from the holder to its peer, SUBMITTED or accepted by the peer. */
async function referralOf(scope: Scope, status: 'SUBMITTED' | 'ACCEPTED' = 'SUBMITTED'): Promise<string> {
  const subject = await subjectOf(scope);
  const { createReferral } = await (
    await staff(HOLDER[scope], 'caseworker')
  ).data<{ createReferral: { id: string } }>(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`,
    {
      input: {
        subjectId: subject.subjectId,
        consentId: subject.consentId,
        toOrganisationId: org(PEER[scope]),
        needs: ['SHELTER'],
        urgency: 'ROUTINE',
        summary: 'Isolation matrix fixture.',
      },
    },
  );
  if (status === 'ACCEPTED') {
    await (
      await staff(PEER[scope], 'coordinator')
    ).data(`mutation($id: ID!) { acceptReferral(id: $id) { id } }`, { id: createReferral.id });
  }
  return createReferral.id;
}

type CaseStage = 'OPEN' | 'ON_HOLD' | 'HANDED_OVER';

/** A case of the holder's subject with its peer as counterpart, at the stage an operation needs. */
async function caseOf(scope: Scope, stage: CaseStage = 'OPEN'): Promise<string> {
  const subject = await subjectOf(scope);
  const liaison = await staff(HOLDER[scope], 'liaison');
  const { openRepatriationCase } = await liaison.data<{ openRepatriationCase: { id: string } }>(
    `mutation($input: OpenRepatriationInput!) { openRepatriationCase(input: $input) { id } }`,
    {
      input: {
        subjectId: subject.subjectId,
        counterpartOrganisationId: org(PEER[scope]),
        destinationCountry: 'BD',
        destinationRegion: 'Khulna',
      },
    },
  );
  const caseId = openRepatriationCase.id;
  if (stage === 'ON_HOLD') {
    await liaison.data(`mutation($id: ID!) { holdRepatriationCase(caseId: $id, reason: "Safety check") { id } }`, {
      id: caseId,
    });
  }
  if (stage === 'HANDED_OVER') {
    await settleStepsBefore(caseId, 'HANDED_OVER');
    await liaison.data(UPDATE_MILESTONE, { input: { caseId, kind: 'HANDED_OVER', status: 'DONE' } });
  }
  return caseId;
}

const UPDATE_MILESTONE = `mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id } }`;

/** Arranged directly: walking a dozen steps through the API would test nothing the matrix asks. */
async function settleStepsBefore(caseId: string, kind: string): Promise<void> {
  await t.sql(
    `UPDATE milestone SET status = 'DONE', completed_at = now()
      WHERE case_id = $1 AND status <> 'DONE'
        AND position < (SELECT position FROM milestone WHERE case_id = $1 AND kind = $2)`,
    [caseId, kind],
  );
}

async function invitedUserOf(scope: Scope): Promise<string> {
  const n = unique();
  const { inviteUser } = await (
    await staff(HOLDER[scope], 'admin')
  ).data<{ inviteUser: { user: { id: string } } }>(
    `mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }`,
    {
      input: {
        displayName: `Matrix Staff ${n}`,
        email: `matrix-${n}@${HOLDER[scope].toLowerCase()}.demo`,
        roles: ['VIEWER'],
      },
    },
  );
  return inviteUser.user.id;
}

/** A user who has not accepted yet: a fresh one for a change that succeeds, a shared one for refusals. */
async function arrangeInvitedUser(scope: Scope, fresh: boolean): Promise<Arranged> {
  return {
    variables: {
      userId: fresh ? await invitedUserOf(scope) : await once(`user:${scope}`, () => invitedUserOf(scope)),
    },
  };
}

async function invitationToken(): Promise<string> {
  const n = unique();
  const { inviteUser } = await (
    await staff('NEWLIGHT', 'admin')
  ).data<{ inviteUser: { token: string } }>(
    `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token } }`,
    { input: { displayName: `Matrix Invitee ${n}`, email: `matrix-invitee-${n}@newlight.demo`, roles: ['VIEWER'] } },
  );
  return inviteUser.token;
}

async function unitOf(scope: Scope): Promise<{ id: string; version: number }> {
  return unitIn(t, FACILITY[HOLDER[scope]]);
}

/** Objects refusals share: one per scope and kind, built on first use. */
const shared = new Map<string, Promise<unknown>>();
function once<T>(key: string, build: () => Promise<T>): Promise<T> {
  if (!shared.has(key)) shared.set(key, build());
  return shared.get(key) as Promise<T>;
}

// What each operation sends, and what its answer says about the object.

interface Arranged {
  variables: Record<string, unknown>;
  /** The object's id, for finding it in a list. */
  objectId?: string;
}

interface Recipe {
  document: string;
  /** Builds the object of a case; `fresh` when the call is expected to change it. */
  arrange(scope: Scope, fresh: boolean, caller: Caller): Promise<Arranged>;
  /** Reads a successful answer: ALLOWED unless a protected detail or a list says more. */
  observe?(data: Record<string, unknown>, arranged: Arranged): Outcome;
  /** Puts back, after a successful call, what the demo network needs for the cases after it. */
  undo?(arranged: Arranged, caller: Caller): Promise<void>;
}

const SUBJECT_READ = `id identity { fullName }`;
const identityOf = (subject: { identity: unknown }): Outcome => (subject.identity ? Outcome.VISIBLE : Outcome.REDACTED);
const addressOf = (facility: { address: string | null }): Outcome =>
  facility.address ? Outcome.VISIBLE : Outcome.REDACTED;

function inList<T extends { id: string }>(items: T[], id: string | undefined, read?: (item: T) => Outcome): Outcome {
  const found = items.find((item) => item.id === id);
  if (!found) return Outcome.NOT_LISTED;
  return read ? read(found) : Outcome.LISTED;
}

const subjectVariables =
  (key: string) =>
  async (scope: Scope): Promise<Arranged> => {
    const { subjectId } = await once(`subject:${scope}`, () => subjectOf(scope));
    return { variables: { [key]: subjectId }, objectId: subjectId };
  };

const referralIn =
  (status: 'SUBMITTED' | 'ACCEPTED', extra: Record<string, unknown> = {}) =>
  async (scope: Scope, fresh: boolean): Promise<Arranged> => {
    const id = fresh
      ? await referralOf(scope, status)
      : await once(`referral:${status}:${scope}`, () => referralOf(scope, status));
    return { variables: { id, ...extra }, objectId: id };
  };

const caseAt =
  (stage: CaseStage, extra: (scope: Scope) => Record<string, unknown> = () => ({})) =>
  async (scope: Scope, fresh: boolean): Promise<Arranged> => {
    const caseId = fresh
      ? await caseOf(scope, stage)
      : await once(`case:${stage}:${scope}`, () => caseOf(scope, stage));
    return { variables: { caseId, ...extra(scope) }, objectId: caseId };
  };

const REASON = { reason: 'Isolation matrix check' };

const RECIPES: Record<string, Recipe> = {
  auditEvents: {
    document: `query($entityId: String) { auditEvents(entityId: $entityId, first: 10) { id entityId } }`,
    arrange: async (scope) => {
      const { subjectId } = await once(`subject:${scope}`, () => subjectOf(scope));
      return { variables: { entityId: subjectId }, objectId: subjectId };
    },
    observe: (data, { objectId }) =>
      (data['auditEvents'] as { entityId: string }[]).some((event) => event.entityId === objectId)
        ? Outcome.LISTED
        : Outcome.NOT_LISTED,
  },
  bedAvailability: {
    document: `{ bedAvailability { id facility { address } } }`,
    arrange: async (scope) => ({ variables: {}, objectId: (await unitOf(scope)).id }),
    observe: (data, { objectId }) =>
      inList(data['bedAvailability'] as { id: string; facility: { address: string | null } }[], objectId, (unit) =>
        addressOf(unit.facility),
      ),
  },
  facilities: {
    document: `{ facilities { id address } }`,
    arrange: async (scope) => ({ variables: {}, objectId: await facilityId(t, FACILITY[HOLDER[scope]]) }),
    observe: (data, { objectId }) =>
      inList(data['facilities'] as { id: string; address: string | null }[], objectId, addressOf),
  },
  facility: {
    document: `query($id: ID!) { facility(id: $id) { id address } }`,
    arrange: async (scope) => ({ variables: { id: await facilityId(t, FACILITY[HOLDER[scope]]) } }),
    observe: (data) => addressOf(data['facility'] as { address: string | null }),
  },
  bedUnit: {
    document: `query($id: ID!) { bedUnit(id: $id) { id history(first: 5) { available } facility { address } } }`,
    arrange: async (scope) => ({ variables: { id: (await unitOf(scope)).id } }),
    observe: (data) => addressOf((data['bedUnit'] as { facility: { address: string | null } }).facility),
  },
  me: { document: `{ me { id } }`, arrange: async () => ({ variables: {} }) },
  organisation: {
    document: `query($id: ID!) { organisation(id: $id) { id } }`,
    arrange: async (scope) => ({ variables: { id: org(HOLDER[scope]) } }),
  },
  organisations: {
    document: `{ organisations { id } }`,
    arrange: async (scope) => ({ variables: {}, objectId: org(HOLDER[scope]) }),
    observe: (data, { objectId }) => inList(data['organisations'] as { id: string }[], objectId),
  },
  referral: {
    document: `query($id: ID!) { referral(id: $id) { id subject { ${SUBJECT_READ} } } }`,
    arrange: referralIn('SUBMITTED'),
    observe: (data) => identityOf((data['referral'] as { subject: { identity: unknown } }).subject),
  },
  referrals: {
    document: `{ referrals(first: 100) { edges { node { id subject { ${SUBJECT_READ} } } } } }`,
    arrange: referralIn('SUBMITTED'),
    observe: (data, { objectId }) =>
      inList(
        (data['referrals'] as { edges: { node: { id: string; subject: { identity: unknown } } }[] }).edges.map(
          (edge) => edge.node,
        ),
        objectId,
        (referral) => identityOf(referral.subject),
      ),
  },
  repatriationCase: {
    document: `query($caseId: ID!) { repatriationCase(id: $caseId) { id subject { ${SUBJECT_READ} } } }`,
    arrange: caseAt('OPEN'),
    observe: (data) => identityOf((data['repatriationCase'] as { subject: { identity: unknown } }).subject),
  },
  repatriationCases: {
    document: `{ repatriationCases(overdueOnly: false) { id subject { ${SUBJECT_READ} } } }`,
    arrange: caseAt('OPEN'),
    observe: (data, { objectId }) =>
      inList(data['repatriationCases'] as { id: string; subject: { identity: unknown } }[], objectId, (found) =>
        identityOf(found.subject),
      ),
  },
  subject: {
    document: `query($id: ID!) { subject(id: $id) { ${SUBJECT_READ} } }`,
    arrange: subjectVariables('id'),
    observe: (data) => identityOf(data['subject'] as { identity: unknown }),
  },
  subjects: {
    document: `query($search: String) { subjects(search: $search, first: 100) { edges { node { ${SUBJECT_READ} } } } }`,
    arrange: async (scope) => {
      const { subjectId } = await once(`subject:${scope}`, () => subjectOf(scope));
      const [subject] = await t.sql<{ code: string }>('SELECT code FROM subject WHERE id = $1', [subjectId]);
      return { variables: { search: subject?.code }, objectId: subjectId };
    },
    observe: (data, { objectId }) =>
      inList(
        (data['subjects'] as { edges: { node: { id: string; identity: unknown } }[] }).edges.map((edge) => edge.node),
        objectId,
        identityOf,
      ),
  },
  referralCounts: { document: `{ referralCounts { status count } }`, arrange: async () => ({ variables: {} }) },
  users: {
    document: `{ users { id } }`,
    arrange: async (scope) => {
      const userId = await once(`user:${scope}`, () => invitedUserOf(scope));
      return { variables: {}, objectId: userId };
    },
    observe: (data, { objectId }) => inList(data['users'] as { id: string }[], objectId),
  },

  acceptInvitation: {
    document: `mutation($token: String!) { acceptInvitation(token: $token, password: "a long matrix passphrase") { accessToken } }`,
    arrange: async () => ({ variables: { token: await invitationToken() } }),
  },
  changePassword: {
    document: `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`,
    // The caller's own password, changed on a session of its own.
    arrange: async () => ({ variables: { current: DEMO_PASSWORD, next: 'a different matrix passphrase' } }),
    undo: async (_arranged, caller) => {
      await t.sql(`UPDATE app_user SET password_hash = $2 WHERE email = $1`, [accountOf(caller), demoPasswordHash]);
    },
  },
  login: {
    document: `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
    arrange: async (_scope, _fresh, caller) => ({
      variables: { email: accountOf(caller), password: DEMO_PASSWORD },
    }),
  },
  refreshSession: {
    document: `mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken } }`,
    arrange: async (_scope, _fresh, caller) => {
      const { login } = await t
        .anonymous()
        .data<{ login: { refreshToken: string } }>(
          `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { refreshToken } }`,
          { email: accountOf(caller), password: DEMO_PASSWORD },
        );
      return { variables: { token: login.refreshToken } };
    },
  },
  signOut: { document: `mutation { signOut }`, arrange: async () => ({ variables: {} }) },

  createOrganisation: {
    document: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { token } }`,
    arrange: async () => {
      const n = unique();
      return {
        variables: {
          input: {
            shortName: `MATRIX-${n}`,
            name: `Matrix Partner ${n} (fictional)`,
            kind: 'NGO',
            country: 'IN',
            adminEmail: `admin@matrix-${n}.demo`,
            adminDisplayName: 'Matrix Admin',
          },
        },
      };
    },
  },
  setOrganisationActive: {
    document: `mutation($id: ID!) { setOrganisationActive(id: $id, active: false) { id } }`,
    arrange: async (scope) => ({ variables: { id: org(HOLDER[scope]) }, objectId: org(HOLDER[scope]) }),
    undo: async ({ objectId }) => {
      await t.sql(`UPDATE organisation SET active = true WHERE id = $1`, [objectId]);
    },
  },
  inviteUser: {
    document: `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token } }`,
    arrange: async () => {
      const n = unique();
      return {
        variables: { input: { displayName: `Matrix ${n}`, email: `matrix-new-${n}@newlight.demo`, roles: ['VIEWER'] } },
      };
    },
  },
  setUserActive: {
    document: `mutation($userId: ID!) { setUserActive(userId: $userId, active: false) { id } }`,
    arrange: arrangeInvitedUser,
  },
  setUserRoles: {
    document: `mutation($userId: ID!) { setUserRoles(userId: $userId, roles: [CASEWORKER]) { id } }`,
    arrange: arrangeInvitedUser,
  },
  reissueInvitation: {
    document: `mutation($userId: ID!) { reissueInvitation(userId: $userId) { expiresAt } }`,
    arrange: arrangeInvitedUser,
  },
  createFacility: {
    document: `mutation($input: CreateFacilityInput!) { createFacility(input: $input) { id } }`,
    arrange: async () => ({
      variables: {
        input: {
          name: `Matrix Home ${unique()}`,
          kind: 'SHELTER_HOME',
          district: 'Kolkata',
          state: 'West Bengal',
          country: 'IN',
          services: ['SHELTER'],
        },
      },
    }),
  },
  updateFacility: {
    document: `mutation($input: UpdateFacilityInput!) { updateFacility(input: $input) { id } }`,
    arrange: async (scope) => ({
      variables: {
        input: { facilityId: await facilityId(t, FACILITY[HOLDER[scope]]), district: `Kolkata ${unique()}` },
      },
    }),
  },
  createBedUnit: {
    document: `mutation($input: CreateBedUnitInput!) { createBedUnit(input: $input) { id } }`,
    arrange: async (scope) => ({
      variables: {
        input: {
          facilityId: await facilityId(t, FACILITY[HOLDER[scope]]),
          name: `Matrix unit ${unique()}`,
          sex: 'FEMALE',
          minAge: 5,
          maxAge: 12,
          capacity: 4,
          occupied: 0,
        },
      },
    }),
  },
  updateBedUnit: {
    document: `mutation($input: UpdateBedUnitInput!) { updateBedUnit(input: $input) { id } }`,
    arrange: async (scope) => {
      const unit = await unitOf(scope);
      return { variables: { input: { unitId: unit.id, expectedVersion: unit.version, note: 'Matrix check' } } };
    },
  },

  createSubject: {
    document: `mutation { createSubject(input: { sex: FEMALE, age: 9, nationality: "IN", fullName: "Matrix Demo-Fictional" }) { id } }`,
    arrange: async () => ({ variables: {} }),
  },
  recordConsent: {
    document: `mutation($subjectId: ID!, $to: ID!) {
      recordConsent(input: { subjectId: $subjectId, grantedToOrganisationId: $to, purpose: REPATRIATION, givenBy: COURT }) { id }
    }`,
    arrange: async (scope) => {
      const { variables } = await subjectVariables('subjectId')(scope);
      return { variables: { ...variables, to: org('CWC-KOLKATA') } };
    },
  },
  withdrawConsent: {
    document: `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
    arrange: async (scope, fresh) => {
      const subject = fresh ? await subjectOf(scope) : await once(`subject:${scope}`, () => subjectOf(scope));
      return { variables: { id: subject.consentId } };
    },
  },

  createReferral: {
    document: `mutation($subjectId: ID!, $to: ID!) {
      createReferral(input: { subjectId: $subjectId, toOrganisationId: $to, needs: [SHELTER], urgency: ROUTINE, summary: "Matrix" }) { id }
    }`,
    arrange: async (scope) => {
      const { variables } = await subjectVariables('subjectId')(scope);
      return { variables: { ...variables, to: org('CWC-KOLKATA') } };
    },
  },
  withdrawReferral: {
    document: `mutation($id: ID!) { withdrawReferral(id: $id) { id } }`,
    arrange: referralIn('SUBMITTED'),
  },
  acceptReferral: {
    document: `mutation($id: ID!) { acceptReferral(id: $id) { id } }`,
    arrange: referralIn('SUBMITTED'),
  },
  declineReferral: {
    document: `mutation($id: ID!, $reason: String!) { declineReferral(id: $id, reason: $reason) { id } }`,
    arrange: referralIn('SUBMITTED', REASON),
  },
  completeReferral: {
    document: `mutation($id: ID!) { completeReferral(id: $id) { id } }`,
    arrange: referralIn('ACCEPTED'),
  },
  cancelReferral: {
    document: `mutation($id: ID!, $reason: String!) { cancelReferral(id: $id, reason: $reason) { id } }`,
    arrange: referralIn('ACCEPTED', REASON),
  },

  openRepatriationCase: {
    document: `mutation($subjectId: ID!) { openRepatriationCase(input: { subjectId: $subjectId, destinationCountry: "BD" }) { id } }`,
    arrange: async (scope, fresh) => {
      const { subjectId } = fresh ? await subjectOf(scope) : await once(`subject:${scope}`, () => subjectOf(scope));
      return { variables: { subjectId } };
    },
  },
  setRepatriationCounterpart: {
    document: `mutation($caseId: ID!, $to: ID!) { setRepatriationCounterpart(caseId: $caseId, counterpartOrganisationId: $to) { id } }`,
    arrange: caseAt('OPEN', () => ({ to: org('BD-PARTNER') })),
  },
  holdRepatriationCase: {
    document: `mutation($caseId: ID!, $reason: String!) { holdRepatriationCase(caseId: $caseId, reason: $reason) { id } }`,
    arrange: caseAt('OPEN', () => REASON),
  },
  resumeRepatriationCase: {
    document: `mutation($caseId: ID!) { resumeRepatriationCase(caseId: $caseId) { id } }`,
    arrange: caseAt('ON_HOLD'),
  },
  cancelRepatriationCase: {
    document: `mutation($caseId: ID!, $reason: String!) { cancelRepatriationCase(caseId: $caseId, reason: $reason) { id } }`,
    arrange: caseAt('OPEN', () => REASON),
  },
  closeRepatriationCase: {
    document: `mutation($caseId: ID!, $reason: String!) { closeRepatriationCase(caseId: $caseId, reason: $reason) { id } }`,
    arrange: caseAt('OPEN', () => REASON),
  },
  updateMilestone: {
    document: `mutation($caseId: ID!, $kind: MilestoneKind!, $status: MilestoneStatus!) {
      updateMilestone(input: { caseId: $caseId, kind: $kind, status: $status }) { id }
    }`,
    // The home organisation's first open step; the counterpart's first step of its own.
    arrange: caseAt('OPEN', (scope) =>
      scope === 'partner'
        ? { kind: 'NATIONALITY_VERIFIED', status: 'IN_PROGRESS' }
        : { kind: 'VOLUNTARINESS_ASSESSED', status: 'DONE' },
    ),
  },
  recordDocument: {
    document: `mutation($caseId: ID!) { recordDocument(input: { caseId: $caseId, kind: TRAVEL_PERMIT, status: REQUESTED }) { id } }`,
    arrange: caseAt('OPEN'),
  },
  recordFollowUpVisit: {
    document: `mutation($caseId: ID!) { recordFollowUpVisit(caseId: $caseId, months: 1) { id } }`,
    arrange: caseAt('HANDED_OVER'),
  },
};

// Subscriptions: a change to the case's object, made by the organisation on its other side, then a
// change the caller is certainly told of. Events reach one subscriber in order, so the first one names
// what the caller was told of first, without waiting for something not to happen.

interface SubscriptionRecipe {
  document: string;
  /** Makes the change to the case's object; answers the id the event carries. */
  change(scope: Scope): Promise<string>;
  /** A change the caller's organisation is told of; answers its id. */
  sentinel(callerOrg: string): Promise<string>;
  idOf(data: Record<string, unknown>): string;
}

async function nudgeUnit(holder: Org): Promise<string> {
  const unit = await unitIn(t, FACILITY[holder]);
  await (
    await staff(holder, 'coordinator')
  ).data(`mutation($input: UpdateBedUnitInput!) { updateBedUnit(input: $input) { id } }`, {
    input: { unitId: unit.id, expectedVersion: unit.version, note: 'Matrix subscription check' },
  });
  return unit.id;
}

/** A new JKPS referral to the caller's organisation: both sides are told. */
async function referralChangeFor(toOrganisationId: string): Promise<string> {
  const caseworker = await staff('JKPS', 'caseworker');
  const { createSubject } = await caseworker.data<{ createSubject: { id: string } }>(
    `mutation { createSubject(input: { sex: FEMALE, age: 11, nationality: "IN", fullName: "Matrix Demo-Fictional" }) { id } }`,
  );
  const { createReferral } = await caseworker.data<{ createReferral: { id: string } }>(
    `mutation($subjectId: ID!, $to: ID!) {
      createReferral(input: { subjectId: $subjectId, toOrganisationId: $to, needs: [SHELTER], urgency: ROUTINE, summary: "Matrix" }) { id }
    }`,
    { subjectId: createSubject.id, to: toOrganisationId },
  );
  return createReferral.id;
}

/** A JKPS case with the caller's organisation as counterpart, put on hold by JKPS. */
async function caseChangeFor(counterpartId: string): Promise<string> {
  const caseworker = await staff('JKPS', 'caseworker');
  const { createSubject } = await caseworker.data<{ createSubject: { id: string } }>(
    `mutation { createSubject(input: { sex: FEMALE, age: 11, nationality: "BD", fullName: "Matrix Demo-Fictional" }) { id } }`,
  );
  const liaison = await staff('JKPS', 'liaison');
  const { openRepatriationCase } = await liaison.data<{ openRepatriationCase: { id: string } }>(
    `mutation($subjectId: ID!, $to: ID!) {
      openRepatriationCase(input: { subjectId: $subjectId, counterpartOrganisationId: $to, destinationCountry: "BD" }) { id }
    }`,
    { subjectId: createSubject.id, to: counterpartId },
  );
  await liaison.data(`mutation($id: ID!) { holdRepatriationCase(caseId: $id, reason: "Matrix") { id } }`, {
    id: openRepatriationCase.id,
  });
  return openRepatriationCase.id;
}

const SUBSCRIPTIONS: Record<string, SubscriptionRecipe> = {
  bedAvailabilityChanged: {
    document: `subscription { bedAvailabilityChanged { id } }`,
    change: (scope) => nudgeUnit(HOLDER[scope]),
    sentinel: () => nudgeUnit('JKPS'),
    idOf: (data) => (data['bedAvailabilityChanged'] as { id: string }).id,
  },
  referralUpdated: {
    document: `subscription { referralUpdated { id } }`,
    // Sending a referral tells both sides.
    change: (scope) => referralOf(scope),
    sentinel: referralChangeFor,
    idOf: (data) => (data['referralUpdated'] as { id: string }).id,
  },
  repatriationCaseUpdated: {
    document: `subscription { repatriationCaseUpdated { case { id } } }`,
    // The other side acts: the counterpart completes its first step of a New Light case; JKPS and MAHIMA hold theirs.
    change: async (scope) => {
      const caseId = await caseOf(scope);
      if (scope === 'own') {
        await settleStepsBefore(caseId, 'NATIONALITY_VERIFIED');
        await (
          await staff('JKPS', 'liaison')
        ).data(UPDATE_MILESTONE, {
          input: { caseId, kind: 'NATIONALITY_VERIFIED', status: 'DONE' },
        });
      } else {
        await (
          await staff(HOLDER[scope], 'liaison')
        ).data(`mutation($id: ID!) { holdRepatriationCase(caseId: $id, reason: "Matrix") { id } }`, { id: caseId });
      }
      return caseId;
    },
    sentinel: caseChangeFor,
    idOf: (data) => (data['repatriationCaseUpdated'] as { case: { id: string } }).case.id,
  },
};

// Running a cell.

let served: Record<'Query' | 'Mutation' | 'Subscription', string[]>;
const SUCCESS = new Set<string>([
  Outcome.ALLOWED,
  Outcome.VISIBLE,
  Outcome.REDACTED,
  Outcome.LISTED,
  Outcome.NOT_LISTED,
]);

function observed(response: GraphQLResponse<Record<string, unknown>>, recipe: Recipe, arranged: Arranged): string {
  const code = response.errors?.[0]?.extensions?.['code'];
  if (code) return String(code);
  if (!response.data) return `no data (${response.status})`;
  return recipe.observe ? recipe.observe(response.data, arranged) : Outcome.ALLOWED;
}

async function runCell(operation: string, caller: Caller, scope: Scope, expected: Outcome): Promise<string> {
  const recipe = RECIPES[operation] as Recipe;
  const mutation = served.Mutation.includes(operation);
  const fresh = mutation && SUCCESS.has(expected);
  const arranged = await recipe.arrange(scope, fresh, caller);
  // Sessions a call ends or changes are the case's own, so the caller's shared one keeps working.
  const client =
    (operation === 'signOut' || operation === 'changePassword') && caller !== 'ANONYMOUS'
      ? await t.signIn(accountOf(caller))
      : await callerClient(caller);
  const before = mutation ? await t.snapshot() : null;
  const response = await client.request<Record<string, unknown>>(recipe.document, arranged.variables);
  const outcome = observed(response, recipe, arranged);
  if (before) {
    const after = await t.snapshot();
    const wrote = JSON.stringify(after) !== JSON.stringify(before);
    if (!SUCCESS.has(outcome) && wrote) return `${outcome}, but it wrote`;
    if (outcome === Outcome.ALLOWED && !wrote) return 'ALLOWED, but wrote nothing';
  }
  if (outcome === Outcome.ALLOWED) await recipe.undo?.(arranged, caller);
  return outcome;
}

async function runSubscriptionCell(operation: string, caller: Caller, scope: Scope): Promise<string> {
  const recipe = SUBSCRIPTIONS[operation] as SubscriptionRecipe;
  const client = await callerClient(caller);
  const watch = client.subscriptions();
  try {
    const events = watch.subscribe<Record<string, unknown>>(recipe.document);
    if (caller === 'ANONYMOUS') {
      const refused = await events.next();
      return String(refused.errors?.[0]?.extensions?.['code'] ?? refused.errors?.[0]?.message);
    }
    const callerOrg = org(ACCOUNT[caller][0]);
    await untilListening(events, () => recipe.sentinel(callerOrg));
    const changed = await recipe.change(scope);
    const sentinel = await recipe.sentinel(callerOrg);
    const first = await events.next();
    if (first.errors?.length) return String(first.errors[0]?.extensions?.['code']);
    const id = recipe.idOf(first.data as Record<string, unknown>);
    if (id === changed) return Outcome.DELIVERED;
    if (id === sentinel) return Outcome.NOT_DELIVERED;
    return `an event about ${id}`;
  } finally {
    await watch.close();
  }
}

/**
 * graphql-ws does not say when a subscription has started, and changes made before are not told: a
 * change the caller is told of is repeated until one comes through. Only readiness waits on a clock;
 * what the matrix checks is decided by the order of events.
 */
async function untilListening(
  events: { next(timeoutMs?: number): Promise<unknown> },
  sentinel: () => Promise<string>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await sentinel();
    try {
      await events.next(attempt < 5 ? 2000 : 10_000);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

let demoPasswordHash: string;

beforeAll(async () => {
  const schema = buildSchema(await servedSchemaSDL());
  const rootFields = (type: 'Query' | 'Mutation' | 'Subscription'): string[] =>
    Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
  served = { Query: rootFields('Query'), Mutation: rootFields('Mutation'), Subscription: rootFields('Subscription') };
  demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  t = await TestGateway.start({ throttleLimits: { perAccount: 1000, perAddress: 100_000, windowSeconds: 60 } });
  for (const name of ['NEWLIGHT', 'JKPS', 'MAHIMA', 'CWC-KOLKATA', 'BD-PARTNER', 'SAHAYOG']) {
    orgIds.set(name, await organisationId(t, name));
  }
});
afterAll(() => t.close());

const cellCount = Object.values(ISOLATION_MATRIX).reduce(
  (sum, row) => sum + CALLERS.length * (row.kind === 'object' ? SCOPES.length : 1),
  0,
);

describe(`the isolation matrix (${Object.keys(ISOLATION_MATRIX).length} operations, ${cellCount} cells)`, () => {
  it('has a row for every root field of the served schema, and no row for anything else', () => {
    const operations = [...served.Query, ...served.Mutation, ...served.Subscription].sort();
    expect(Object.keys(ISOLATION_MATRIX).sort()).toEqual(operations);
    expect(Object.keys(RECIPES).sort()).toEqual([...served.Query, ...served.Mutation].sort());
    expect(Object.keys(SUBSCRIPTIONS).sort()).toEqual([...served.Subscription].sort());
  });

  it.each(Object.keys(ISOLATION_MATRIX))('%s', async (operation) => {
    const row = ISOLATION_MATRIX[operation]!;
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const caller of CALLERS) {
      const scopes = row.kind === 'object' ? SCOPES : (['own'] as const);
      for (const [index, scope] of scopes.entries()) {
        const want = row.kind === 'object' ? row.outcomes[caller][index]! : row.outcomes[caller];
        const cell = row.kind === 'object' ? `${caller} ${scope}` : caller;
        expected[cell] = want;
        actual[cell] =
          operation in SUBSCRIPTIONS
            ? await runSubscriptionCell(operation, caller, scope)
            : await runCell(operation, caller, scope, want);
      }
    }
    expect(actual).toEqual(expected);
  });

  it('leaves one unbroken audit chain behind every cell that wrote or read what is audited', async () => {
    const verification = await new AuditLog(t.dataSource).verify();
    const [{ entries }] = (await t.sql(`SELECT count(*)::int AS entries FROM audit_event`)) as [{ entries: number }];
    expect(verification).toEqual({ checked: entries, brokenAt: null });
    expect(entries).toBeGreaterThan(0);
    console.log(`audit chain after the matrix: ${verification.checked} entries verified`);
  });
});
