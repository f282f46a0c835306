import { graphql } from '../gql';

export const AdminUserRow = graphql(`
  fragment AdminUserRow on User {
    id
    email
    displayName
    roles
    active
    organisation {
      id
    }
    pendingInvitation {
      expiresAt
      expired
    }
  }
`);

export const InvitationFields = graphql(`
  fragment InvitationFields on Invitation {
    token
    expiresAt
    user {
      ...AdminUserRow
    }
  }
`);

export const AdminOrganisationsQuery = graphql(`
  query AdminOrganisations {
    organisations {
      id
      name
      shortName
      kind
      country
      region
      active
    }
    users {
      ...AdminUserRow
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      ...InvitationFields
    }
  }
`);

export const SetOrganisationActiveMutation = graphql(`
  mutation SetOrganisationActive($id: ID!, $active: Boolean!) {
    setOrganisationActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

export const StaffQuery = graphql(`
  query Staff {
    me {
      id
    }
    users {
      ...AdminUserRow
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      ...InvitationFields
    }
  }
`);

export const ReissueInvitationMutation = graphql(`
  mutation ReissueInvitation($userId: ID!) {
    reissueInvitation(userId: $userId) {
      ...InvitationFields
    }
  }
`);

export const SetUserRolesMutation = graphql(`
  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {
    setUserRoles(userId: $userId, roles: $roles) {
      ...AdminUserRow
    }
  }
`);

export const SetUserActiveMutation = graphql(`
  mutation SetUserActive($userId: ID!, $active: Boolean!) {
    setUserActive(userId: $userId, active: $active) {
      ...AdminUserRow
    }
  }
`);

export const AdminUnitFields = graphql(`
  fragment AdminUnitFields on BedUnit {
    id
    name
    sex
    minAge
    maxAge
    capacity
    occupied
    held
    available
  }
`);

export const AdminFacilityFields = graphql(`
  fragment AdminFacilityFields on Facility {
    id
    name
    kind
    district
    state
    country
    address
    services
    active
    units {
      ...AdminUnitFields
    }
  }
`);

export const OwnFacilitiesQuery = graphql(`
  query OwnFacilities {
    me {
      id
      organisation {
        id
        shortName
        country
        facilities {
          ...AdminFacilityFields
        }
      }
    }
  }
`);

export const CreateFacilityMutation = graphql(`
  mutation CreateFacility($input: CreateFacilityInput!) {
    createFacility(input: $input) {
      ...AdminFacilityFields
    }
  }
`);

export const UpdateFacilityMutation = graphql(`
  mutation UpdateFacility($input: UpdateFacilityInput!) {
    updateFacility(input: $input) {
      ...AdminFacilityFields
    }
  }
`);

export const CreateBedUnitMutation = graphql(`
  mutation CreateBedUnit($input: CreateBedUnitInput!) {
    createBedUnit(input: $input) {
      ...AdminUnitFields
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      ...SessionFields
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const AccountQuery = graphql(`
  query Account {
    me {
      id
      email
      displayName
      roles
      organisation {
        id
        name
        shortName
      }
    }
  }
`);
