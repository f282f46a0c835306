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
