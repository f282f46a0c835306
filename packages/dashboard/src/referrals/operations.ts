import { graphql } from '../gql';

export const ReferralRow = graphql(`
  fragment ReferralRow on Referral {
    id
    code
    status
    urgency
    needs
    createdAt
    updatedAt
    subject {
      id
      code
      sex
      age
    }
    fromOrganisation {
      id
      shortName
    }
    toOrganisation {
      id
      shortName
    }
    toFacility {
      id
      name
    }
  }
`);

export const ReferralListQuery = graphql(`
  query ReferralList($box: ReferralBox!, $status: [ReferralStatus!], $first: Int, $after: String) {
    referrals(filter: { box: $box, status: $status }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ReferralRow
        }
      }
    }
    referralCounts(box: $box) {
      status
      count
    }
  }
`);

export const ReferralDetails = graphql(`
  fragment ReferralDetails on Referral {
    ...ReferralRow
    summary
    holdExpiresAt
    declineReason
    subject {
      isMinor
      nationality
      organisation {
        id
        shortName
      }
      identity {
        fullName
        dateOfBirth
        guardianContact
        homeAddress
      }
    }
    heldUnit {
      id
      name
      facility {
        id
        name
      }
    }
    events {
      id
      at
      status
      note
      actor {
        id
        displayName
      }
      organisation {
        id
        shortName
      }
    }
  }
`);

export const ReferralQuery = graphql(`
  query Referral($id: ID!) {
    referral(id: $id) {
      ...ReferralDetails
    }
  }
`);

export const ReferralUpdatedSubscription = graphql(`
  subscription ReferralUpdated {
    referralUpdated {
      ...ReferralRow
    }
  }
`);

export const AcceptReferralMutation = graphql(`
  mutation AcceptReferral($id: ID!, $unitId: ID) {
    acceptReferral(id: $id, unitId: $unitId) {
      ...ReferralDetails
    }
  }
`);

export const DeclineReferralMutation = graphql(`
  mutation DeclineReferral($id: ID!, $reason: String!) {
    declineReferral(id: $id, reason: $reason) {
      ...ReferralDetails
    }
  }
`);

export const WithdrawReferralMutation = graphql(`
  mutation WithdrawReferral($id: ID!, $reason: String) {
    withdrawReferral(id: $id, reason: $reason) {
      ...ReferralDetails
    }
  }
`);

export const CompleteReferralMutation = graphql(`
  mutation CompleteReferral($id: ID!) {
    completeReferral(id: $id) {
      ...ReferralDetails
    }
  }
`);

export const CancelReferralMutation = graphql(`
  mutation CancelReferral($id: ID!, $reason: String!) {
    cancelReferral(id: $id, reason: $reason) {
      ...ReferralDetails
    }
  }
`);

export const ReceivingOrganisationsQuery = graphql(`
  query ReceivingOrganisations {
    organisations {
      id
      name
      shortName
      active
      facilities {
        id
        name
        active
      }
    }
  }
`);

export const CreateReferralMutation = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      code
    }
  }
`);
