import { graphql } from './gql';

export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    expiresAt
    refreshToken
    refreshExpiresAt
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...SessionFields
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      roles
      organisation {
        id
        shortName
      }
    }
  }
`);

export const BedUnitRow = graphql(`
  fragment BedUnitRow on BedUnit {
    id
    name
    sex
    minAge
    maxAge
    capacity
    occupied
    held
    available
    version
    updatedAt
    facility {
      id
      name
      district
      organisation {
        id
        shortName
      }
    }
  }
`);

export const BedAvailabilityQuery = graphql(`
  query BedAvailability($filter: BedSearch) {
    bedAvailability(filter: $filter) {
      ...BedUnitRow
    }
  }
`);

export const DistrictsQuery = graphql(`
  query Districts {
    facilities {
      id
      district
    }
  }
`);

export const BedAvailabilityChangedSubscription = graphql(`
  subscription BedAvailabilityChanged {
    bedAvailabilityChanged {
      ...BedUnitRow
    }
  }
`);

export const UpdateBedUnitMutation = graphql(`
  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {
    updateBedUnit(input: $input) {
      ...BedUnitRow
    }
  }
`);
