import { CONTENDED_ORGANISATION, READING_ORGANISATION, WRITING_ORGANISATION, type BenchNetwork } from './network';

/** One kind of request the bench drives at every server that can answer it. */
export interface Scenario {
  name: string;
  title: string;
  /** Which organisation's account sends it. */
  organisation: number;
  /** What a partner would send to the gateway (the hand-written server dispatches on the operation name). */
  operationName: string;
  query: string;
  /** The variables of the n-th request. */
  variables(network: BenchNetwork, n: number): Record<string, unknown>;
  /** Writes: every request changes a different row, so the run needs its rows reset before each server. */
  writes: boolean;
  /** The same read in PostGraphile's generated schema, where it has one. */
  postgraphile?: { query: string; variables(network: BenchNetwork): Record<string, unknown> };
  /** Bed changes this organisation's coordinator makes through the same server while the scenario runs. */
  bedChanges?: { organisation: number; perSecond: number };
  /** The servers it runs on, when not every one (the peers answer none of the partners' writes). */
  servers?: readonly string[];
  /** The scenario whose peer rows this one's ratios are to, when the peers do not run it. */
  comparedWith?: string;
}

const BED_BOARD: Omit<Scenario, 'name' | 'title'> = {
  organisation: READING_ORGANISATION,
  operationName: 'BedBoard',
  query: `query BedBoard($district: String!) {
  bedAvailability(filter: { district: $district, availableOnly: true }) {
    id name sex minAge maxAge capacity occupied held available version
    facility { id name kind district address organisation { id name shortName } }
  }
}`,
  variables: (network) => ({ district: network.district }),
  writes: false,
};

/** A busy day across the network: changes elsewhere that the bed board of one district does not show. */
const BED_CHANGES_PER_SECOND = 10;

export const SCENARIOS: Scenario[] = [
  {
    name: 'bed-board',
    title: 'Bed board: available units of a district, with facility and organisation',
    ...BED_BOARD,
    postgraphile: {
      query: `query BedBoard($district: String!) {
  allFacilities(condition: { district: $district, active: true }, orderBy: [COUNTRY_ASC, STATE_ASC, DISTRICT_ASC, NAME_ASC]) {
    nodes {
      rowId name kind district address
      organisationByOrganisationId { rowId name shortName }
      bedUnitsByFacilityId(orderBy: NAME_ASC) { nodes { rowId name sex minAge maxAge capacity occupied held version } }
    }
  }
}`,
      variables: (network) => ({ district: network.district }),
    },
  },
  {
    name: 'bed-board-busy',
    title:
      `The same bed board while a coordinator of another district changes a bed ${BED_CHANGES_PER_SECOND} times a second ` +
      'through the same server (gateways only; ratios to the peers of bed-board)',
    ...BED_BOARD,
    bedChanges: { organisation: WRITING_ORGANISATION, perSecond: BED_CHANGES_PER_SECOND },
    servers: ['gateway', 'gateway-uncached'],
    comparedWith: 'bed-board',
  },
  {
    name: 'inbox',
    title: 'Referral inbox: a page of 50 with subject, organisations, facility and events',
    organisation: READING_ORGANISATION,
    operationName: 'Inbox',
    query: `query Inbox {
  referrals(filter: { box: INBOX }, first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id code status urgency needs summary createdAt
        subject { id code sex age nationality }
        fromOrganisation { id name }
        toOrganisation { id name }
        toFacility { id name district }
        events { id at status note }
      }
    }
  }
}`,
    variables: () => ({}),
    writes: false,
    postgraphile: {
      query: `query Inbox($me: UUID!) {
  allReferrals(condition: { toOrganisationId: $me }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC], first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        rowId code status urgency needs summary createdAt
        subjectBySubjectId { rowId code sex ageEstimate nationality }
        organisationByFromOrganisationId { rowId name }
        organisationByToOrganisationId { rowId name }
        facilityByToFacilityId { rowId name district }
        referralEventsByReferralId(orderBy: ROW_ID_ASC) { nodes { rowId at status note } }
      }
    }
  }
}`,
      variables: (network) => ({ me: network.organisationIds[READING_ORGANISATION] }),
    },
  },
  {
    name: 'cases',
    title: 'Repatriation case list with milestones and documents',
    organisation: READING_ORGANISATION,
    operationName: 'Cases',
    query: `query Cases {
  repatriationCases {
    id code status destinationCountry borderPoint
    homeOrganisation { id name }
    counterpartOrganisation { id name }
    milestones { id kind status dueOn overdue }
    documents { id kind status expiresOn expiringSoon }
  }
}`,
    variables: () => ({}),
    writes: false,
    postgraphile: {
      query: `query Cases {
  allRepatriationCases(orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
    nodes {
      rowId code status destinationCountry borderPoint
      organisationByHomeOrganisationId { rowId name }
      organisationByCounterpartOrganisationId { rowId name }
      milestonesByCaseId(orderBy: POSITION_ASC) { nodes { rowId kind status dueOn } }
      caseDocumentsByCaseId(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { rowId kind status expiresOn } }
    }
  }
}`,
      variables: () => ({}),
    },
  },
  {
    name: 'accept',
    title: 'acceptReferral under contention: every request holds a bed in one of four units',
    organisation: CONTENDED_ORGANISATION,
    operationName: 'AcceptReferral',
    query: `mutation AcceptReferral($id: ID!, $unitId: ID) {
  acceptReferral(id: $id, unitId: $unitId) { id status holdExpiresAt }
}`,
    variables: (network, n) => ({
      id: network.contendedReferralIds[n % network.contendedReferralIds.length],
      unitId: network.contendedUnitIds[n % network.contendedUnitIds.length],
    }),
    writes: true,
  },
];
