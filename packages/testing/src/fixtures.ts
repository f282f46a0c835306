import type { GraphQLClient } from './graphql-client';
import type { TestGateway } from './test-gateway';

/** Operations as the dashboard and partner integrations send them. */
export const SUBJECT_FIELDS = `id code sex age isMinor nationality organisation { shortName }
  identity { fullName dateOfBirth guardianContact homeAddress }`;

export const REFERRAL_FIELDS = `id code status urgency needs summary holdExpiresAt declineReason createdAt updatedAt
  subject { ${SUBJECT_FIELDS} }
  fromOrganisation { shortName } toOrganisation { shortName } toFacility { name }
  heldUnit { id name capacity occupied held available }
  events { status note organisation { shortName } actor { email } }`;

export const CREATE_SUBJECT = `mutation CreateSubject($input: CreateSubjectInput!) { createSubject(input: $input) { ${SUBJECT_FIELDS} } }`;
export const RECORD_CONSENT = `mutation RecordConsent($input: RecordConsentInput!) {
  recordConsent(input: $input) { id purpose givenBy givenAt expiresAt withdrawnAt grantedTo { shortName } subject { code } }
}`;
export const WITHDRAW_CONSENT = `mutation WithdrawConsent($id: ID!) { withdrawConsent(id: $id) { id withdrawnAt } }`;
export const SUBJECT = `query Subject($id: ID!) { subject(id: $id) { ${SUBJECT_FIELDS} } }`;
export const CREATE_REFERRAL = `mutation CreateReferral($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL_FIELDS} } }`;
export const REFERRAL = `query Referral($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`;
export const ACCEPT = `mutation Accept($id: ID!, $unitId: ID) { acceptReferral(id: $id, unitId: $unitId) { ${REFERRAL_FIELDS} } }`;
export const DECLINE = `mutation Decline($id: ID!, $reason: String!) { declineReferral(id: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`;
export const WITHDRAW = `mutation Withdraw($id: ID!, $reason: String) { withdrawReferral(id: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`;
export const COMPLETE = `mutation Complete($id: ID!) { completeReferral(id: $id) { ${REFERRAL_FIELDS} } }`;
export const CANCEL = `mutation Cancel($id: ID!, $reason: String!) { cancelReferral(id: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`;

export interface SubjectView {
  id: string;
  code: string;
  sex: string;
  age: number | null;
  isMinor: boolean;
  nationality: string;
  organisation: { shortName: string };
  identity: {
    fullName: string;
    dateOfBirth: string | null;
    guardianContact: string | null;
    homeAddress: string | null;
  } | null;
}

export interface ReferralView {
  id: string;
  code: string;
  status: string;
  holdExpiresAt: string | null;
  declineReason: string | null;
  subject: SubjectView;
  heldUnit: { id: string; name: string; capacity: number; occupied: number; held: number; available: number } | null;
  events: {
    status: string;
    note: string | null;
    organisation: { shortName: string };
    actor: { email: string } | null;
  }[];
}

/** A fictional girl, as a caseworker would register her. */
export async function registerSubject(
  client: GraphQLClient,
  input: Record<string, unknown> = {},
): Promise<SubjectView> {
  const data = await client.data<{ createSubject: SubjectView }>(CREATE_SUBJECT, {
    input: { sex: 'FEMALE', age: 10, nationality: 'IN', fullName: 'Rupa Demo-Fictional', ...input },
  });
  return data.createSubject;
}

export async function organisationId(t: TestGateway, shortName: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>(`SELECT id FROM organisation WHERE short_name = $1`, [shortName]);
  if (!row) throw new Error(`no organisation ${shortName}`);
  return row.id;
}

export async function facilityId(t: TestGateway, name: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>(`SELECT id FROM facility WHERE name = $1`, [name]);
  if (!row) throw new Error(`no facility ${name}`);
  return row.id;
}

export interface UnitRow {
  id: string;
  capacity: number;
  occupied: number;
  held: number;
  version: number;
}

export async function unitIn(t: TestGateway, facilityName: string): Promise<UnitRow> {
  const [row] = await t.sql<UnitRow>(
    `SELECT u.id, u.capacity, u.occupied, u.held, u.version FROM bed_unit u JOIN facility f ON f.id = u.facility_id
      WHERE f.name = $1 ORDER BY u.name LIMIT 1`,
    [facilityName],
  );
  if (!row) throw new Error(`no unit in ${facilityName}`);
  return row;
}

// Administration: onboarding organisations, inviting staff, facilities and bed units.
export const USER_FIELDS = `id email displayName roles active organisation { shortName }`;
export const INVITATION_FIELDS = `token expiresAt user { ${USER_FIELDS} organisation { shortName country active } }`;
export const FACILITY_FIELDS = `id name kind district state country address services active organisation { shortName }`;
export const UNIT_FIELDS = `id name sex minAge maxAge capacity occupied held available version facility { id name address }`;

export const CREATE_ORGANISATION = `mutation CreateOrganisation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { ${INVITATION_FIELDS} }
}`;
export const SET_ORGANISATION_ACTIVE = `mutation SetOrganisationActive($id: ID!, $active: Boolean!) {
  setOrganisationActive(id: $id, active: $active) { id shortName active }
}`;
export const INVITE_USER = `mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { ${INVITATION_FIELDS} } }`;
export const ACCEPT_INVITATION = `mutation AcceptInvitation($token: String!, $password: String!) {
  acceptInvitation(token: $token, password: $password) { accessToken expiresAt user { ${USER_FIELDS} } }
}`;
export const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;
export const USERS = `query Users { users { ${USER_FIELDS} } }`;
export const SET_USER_ROLES = `mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {
  setUserRoles(userId: $userId, roles: $roles) { ${USER_FIELDS} }
}`;
export const SET_USER_ACTIVE = `mutation SetUserActive($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { ${USER_FIELDS} }
}`;
export const CREATE_FACILITY = `mutation CreateFacility($input: CreateFacilityInput!) { createFacility(input: $input) { ${FACILITY_FIELDS} } }`;
export const UPDATE_FACILITY = `mutation UpdateFacility($input: UpdateFacilityInput!) { updateFacility(input: $input) { ${FACILITY_FIELDS} } }`;
export const CREATE_BED_UNIT = `mutation CreateBedUnit($input: CreateBedUnitInput!) { createBedUnit(input: $input) { ${UNIT_FIELDS} } }`;

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  active: boolean;
  organisation: { shortName: string };
}

export interface InvitationView {
  token: string;
  expiresAt: string;
  user: UserView & { organisation: { shortName: string; country: string; active: boolean } };
}

export interface AuthPayloadView {
  accessToken: string;
  expiresAt: string;
  user: UserView;
}

export async function userId(t: TestGateway, email: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** An ORG_ADMIN invites a fictional colleague, who accepts and is signed in. */
export async function inviteAndAccept(
  t: TestGateway,
  admin: GraphQLClient,
  input: { email: string; displayName: string; roles: string[] },
  password = 'Kanchenjunga-at-dawn-42',
): Promise<{ client: GraphQLClient; user: UserView }> {
  const { inviteUser } = await admin.data<{ inviteUser: InvitationView }>(INVITE_USER, { input });
  const { acceptInvitation } = await t
    .anonymous()
    .data<{ acceptInvitation: AuthPayloadView }>(ACCEPT_INVITATION, { token: inviteUser.token, password });
  return { client: t.withToken(acceptInvitation.accessToken), user: acceptInvitation.user };
}

/**
 * A fictional girl referred by a sender's caseworker and accepted by the receiver's coordinator into the
 * first unit of `facilityName`: a bed held for an accepted referral.
 */
export async function holdBed(
  t: TestGateway,
  parties: { caseworker: GraphQLClient; coordinator: GraphQLClient; toOrganisation: string },
  facilityName: string,
  fullName: string,
): Promise<ReferralView> {
  const unit = await unitIn(t, facilityName);
  const subject = await registerSubject(parties.caseworker, { fullName });
  const { createReferral } = await parties.caseworker.data<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
    input: {
      subjectId: subject.id,
      toOrganisationId: await organisationId(t, parties.toOrganisation),
      needs: ['SHELTER'],
      urgency: 'URGENT',
      summary: 'Placement needed tonight.',
    },
  });
  const { acceptReferral } = await parties.coordinator.data<{ acceptReferral: ReferralView }>(ACCEPT, {
    id: createReferral.id,
    unitId: unit.id,
  });
  return acceptReferral;
}
