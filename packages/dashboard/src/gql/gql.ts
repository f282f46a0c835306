/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AdminUserRow on User {\n    id\n    email\n    displayName\n    roles\n    active\n    organisation {\n      id\n    }\n    pendingInvitation {\n      expiresAt\n      expired\n    }\n  }\n": typeof types.AdminUserRowFragmentDoc,
    "\n  fragment InvitationFields on Invitation {\n    token\n    expiresAt\n    user {\n      ...AdminUserRow\n    }\n  }\n": typeof types.InvitationFieldsFragmentDoc,
    "\n  query AdminOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      kind\n      country\n      region\n      active\n    }\n    users {\n      ...AdminUserRow\n    }\n  }\n": typeof types.AdminOrganisationsDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      ...InvitationFields\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  mutation SetOrganisationActive($id: ID!, $active: Boolean!) {\n    setOrganisationActive(id: $id, active: $active) {\n      id\n      active\n    }\n  }\n": typeof types.SetOrganisationActiveDocument,
    "\n  query Staff {\n    me {\n      id\n    }\n    users {\n      ...AdminUserRow\n    }\n  }\n": typeof types.StaffDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationFields\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation ReissueInvitation($userId: ID!) {\n    reissueInvitation(userId: $userId) {\n      ...InvitationFields\n    }\n  }\n": typeof types.ReissueInvitationDocument,
    "\n  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUserRow\n    }\n  }\n": typeof types.SetUserRolesDocument,
    "\n  mutation SetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUserRow\n    }\n  }\n": typeof types.SetUserActiveDocument,
    "\n  fragment AdminUnitFields on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n  }\n": typeof types.AdminUnitFieldsFragmentDoc,
    "\n  fragment AdminFacilityFields on Facility {\n    id\n    name\n    kind\n    district\n    state\n    country\n    address\n    services\n    active\n    units {\n      ...AdminUnitFields\n    }\n  }\n": typeof types.AdminFacilityFieldsFragmentDoc,
    "\n  query OwnFacilities {\n    me {\n      id\n      organisation {\n        id\n        shortName\n        country\n        facilities {\n          ...AdminFacilityFields\n        }\n      }\n    }\n  }\n": typeof types.OwnFacilitiesDocument,
    "\n  mutation CreateFacility($input: CreateFacilityInput!) {\n    createFacility(input: $input) {\n      ...AdminFacilityFields\n    }\n  }\n": typeof types.CreateFacilityDocument,
    "\n  mutation UpdateFacility($input: UpdateFacilityInput!) {\n    updateFacility(input: $input) {\n      ...AdminFacilityFields\n    }\n  }\n": typeof types.UpdateFacilityDocument,
    "\n  mutation CreateBedUnit($input: CreateBedUnitInput!) {\n    createBedUnit(input: $input) {\n      ...AdminUnitFields\n    }\n  }\n": typeof types.CreateBedUnitDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query Account {\n    me {\n      id\n      email\n      displayName\n      roles\n      organisation {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": typeof types.AccountDocument,
    "\n  fragment CaseSummary on RepatriationCase {\n    id\n    code\n    status\n    statusReason\n    destinationCountry\n    destinationRegion\n    borderPoint\n    hasOverdue\n    updatedAt\n    subject {\n      id\n      code\n    }\n    homeOrganisation {\n      id\n      shortName\n    }\n    counterpartOrganisation {\n      id\n      shortName\n    }\n    milestones {\n      id\n      status\n    }\n    documents {\n      id\n      status\n      expiringSoon\n    }\n  }\n": typeof types.CaseSummaryFragmentDoc,
    "\n  query RepatriationCases($status: [RepatriationStatus!], $overdueOnly: Boolean!) {\n    repatriationCases(status: $status, overdueOnly: $overdueOnly) {\n      ...CaseSummary\n    }\n  }\n": typeof types.RepatriationCasesDocument,
    "\n  fragment CaseDetail on RepatriationCase {\n    ...CaseSummary\n    createdAt\n    subject {\n      id\n      code\n      sex\n      age\n      nationality\n    }\n    milestones {\n      id\n      kind\n      status\n      dueOn\n      completedAt\n      overdue\n      note\n      byCounterpart\n    }\n    documents {\n      id\n      kind\n      status\n      issuer\n      reference\n      issuedOn\n      expiresOn\n      expiringSoon\n    }\n    followUpVisits {\n      id\n      months\n      dueOn\n      visitedAt\n      note\n      overdue\n    }\n    events {\n      id\n      at\n      kind\n      concerning\n      note\n      milestone\n      milestoneStatus\n      document\n      documentStatus\n      expiresOn\n      fromStatus\n      toStatus\n      reason\n      months\n      organisation {\n        id\n        shortName\n      }\n      counterpartOrganisation {\n        id\n        shortName\n      }\n    }\n  }\n": typeof types.CaseDetailFragmentDoc,
    "\n  query RepatriationCase($id: ID!) {\n    repatriationCase(id: $id) {\n      ...CaseDetail\n    }\n  }\n": typeof types.RepatriationCaseDocument,
    "\n  subscription RepatriationCaseUpdated {\n    repatriationCaseUpdated {\n      reason\n      milestone\n      document\n      case {\n        ...CaseSummary\n      }\n    }\n  }\n": typeof types.RepatriationCaseUpdatedDocument,
    "\n  query CounterpartOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      country\n      active\n    }\n  }\n": typeof types.CounterpartOrganisationsDocument,
    "\n  mutation OpenRepatriationCase($input: OpenRepatriationInput!) {\n    openRepatriationCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.OpenRepatriationCaseDocument,
    "\n  mutation SetRepatriationCounterpart($caseId: ID!, $counterpartOrganisationId: ID!, $consentId: ID) {\n    setRepatriationCounterpart(\n      caseId: $caseId\n      counterpartOrganisationId: $counterpartOrganisationId\n      consentId: $consentId\n    ) {\n      ...CaseDetail\n    }\n  }\n": typeof types.SetRepatriationCounterpartDocument,
    "\n  mutation UpdateMilestone($input: UpdateMilestoneInput!) {\n    updateMilestone(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.UpdateMilestoneDocument,
    "\n  mutation RecordDocument($input: RecordDocumentInput!) {\n    recordDocument(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.RecordDocumentDocument,
    "\n  mutation RecordFollowUpVisit($caseId: ID!, $months: Int!, $note: String) {\n    recordFollowUpVisit(caseId: $caseId, months: $months, note: $note) {\n      ...CaseDetail\n    }\n  }\n": typeof types.RecordFollowUpVisitDocument,
    "\n  mutation HoldRepatriationCase($caseId: ID!, $reason: String!) {\n    holdRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n": typeof types.HoldRepatriationCaseDocument,
    "\n  mutation ResumeRepatriationCase($caseId: ID!) {\n    resumeRepatriationCase(caseId: $caseId) {\n      ...CaseDetail\n    }\n  }\n": typeof types.ResumeRepatriationCaseDocument,
    "\n  mutation CancelRepatriationCase($caseId: ID!, $reason: String!) {\n    cancelRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n": typeof types.CancelRepatriationCaseDocument,
    "\n  mutation CloseRepatriationCase($caseId: ID!, $reason: String!) {\n    closeRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n": typeof types.CloseRepatriationCaseDocument,
    "\n  query AuditEvents($action: String, $entityType: String, $entityId: String, $before: String, $first: Int) {\n    auditEvents(action: $action, entityType: $entityType, entityId: $entityId, before: $before, first: $first) {\n      id\n      at\n      action\n      entityType\n      entityId\n      detail\n      actor {\n        id\n        displayName\n      }\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query UnitHistory($unitId: ID!, $since: DateTime) {\n    bedUnit(id: $unitId) {\n      id\n      name\n      capacity\n      occupied\n      held\n      available\n      facility {\n        id\n        name\n        organisation {\n          id\n          shortName\n        }\n      }\n      history(since: $since, first: 1000) {\n        at\n        reason\n        capacity\n        occupied\n        held\n        available\n      }\n    }\n  }\n": typeof types.UnitHistoryDocument,
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment BedUnitRow on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n    version\n    updatedAt\n    facility {\n      id\n      name\n      district\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": typeof types.BedUnitRowFragmentDoc,
    "\n  query BedAvailability($filter: BedSearch) {\n    bedAvailability(filter: $filter) {\n      ...BedUnitRow\n    }\n  }\n": typeof types.BedAvailabilityDocument,
    "\n  query Districts {\n    facilities {\n      id\n      district\n    }\n  }\n": typeof types.DistrictsDocument,
    "\n  subscription BedAvailabilityChanged {\n    bedAvailabilityChanged {\n      ...BedUnitRow\n    }\n  }\n": typeof types.BedAvailabilityChangedDocument,
    "\n  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {\n    updateBedUnit(input: $input) {\n      ...BedUnitRow\n    }\n  }\n": typeof types.UpdateBedUnitDocument,
    "\n  fragment ReferralRow on Referral {\n    id\n    code\n    status\n    urgency\n    needs\n    createdAt\n    updatedAt\n    subject {\n      id\n      code\n      sex\n      age\n    }\n    fromOrganisation {\n      id\n      shortName\n    }\n    toOrganisation {\n      id\n      shortName\n    }\n    toFacility {\n      id\n      name\n    }\n  }\n": typeof types.ReferralRowFragmentDoc,
    "\n  query ReferralList($box: ReferralBox!, $status: [ReferralStatus!], $first: Int, $after: String) {\n    referrals(filter: { box: $box, status: $status }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReferralRow\n        }\n      }\n    }\n    referralCounts(box: $box) {\n      status\n      count\n    }\n  }\n": typeof types.ReferralListDocument,
    "\n  fragment ReferralDetails on Referral {\n    ...ReferralRow\n    summary\n    holdExpiresAt\n    declineReason\n    subject {\n      isMinor\n      nationality\n      organisation {\n        id\n        shortName\n      }\n      identity {\n        fullName\n        dateOfBirth\n        guardianContact\n        homeAddress\n      }\n    }\n    heldUnit {\n      id\n      name\n      facility {\n        id\n        name\n      }\n    }\n    events {\n      id\n      at\n      status\n      note\n      actor {\n        id\n        displayName\n      }\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": typeof types.ReferralDetailsFragmentDoc,
    "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      ...ReferralDetails\n    }\n  }\n": typeof types.ReferralDocument,
    "\n  subscription ReferralUpdated {\n    referralUpdated {\n      ...ReferralRow\n    }\n  }\n": typeof types.ReferralUpdatedDocument,
    "\n  mutation AcceptReferral($id: ID!, $unitId: ID) {\n    acceptReferral(id: $id, unitId: $unitId) {\n      ...ReferralDetails\n    }\n  }\n": typeof types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($id: ID!, $reason: String!) {\n    declineReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n": typeof types.DeclineReferralDocument,
    "\n  mutation WithdrawReferral($id: ID!, $reason: String) {\n    withdrawReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n": typeof types.WithdrawReferralDocument,
    "\n  mutation CompleteReferral($id: ID!) {\n    completeReferral(id: $id) {\n      ...ReferralDetails\n    }\n  }\n": typeof types.CompleteReferralDocument,
    "\n  mutation CancelReferral($id: ID!, $reason: String!) {\n    cancelReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n": typeof types.CancelReferralDocument,
    "\n  query ReceivingOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      active\n      facilities {\n        id\n        name\n        active\n      }\n    }\n  }\n": typeof types.ReceivingOrganisationsDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      code\n    }\n  }\n": typeof types.CreateReferralDocument,
    "\n  query OwnSubjects($search: String, $first: Int, $after: String) {\n    subjects(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          sex\n          age\n          isMinor\n          nationality\n        }\n      }\n    }\n  }\n": typeof types.OwnSubjectsDocument,
    "\n  query SubjectIdentity($id: ID!) {\n    subject(id: $id) {\n      id\n      identity {\n        fullName\n      }\n    }\n  }\n": typeof types.SubjectIdentityDocument,
    "\n  mutation CreateSubject($input: CreateSubjectInput!) {\n    createSubject(input: $input) {\n      id\n      code\n      sex\n      age\n      isMinor\n      nationality\n    }\n  }\n": typeof types.CreateSubjectDocument,
    "\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordConsentDocument,
};
const documents: Documents = {
    "\n  fragment AdminUserRow on User {\n    id\n    email\n    displayName\n    roles\n    active\n    organisation {\n      id\n    }\n    pendingInvitation {\n      expiresAt\n      expired\n    }\n  }\n": types.AdminUserRowFragmentDoc,
    "\n  fragment InvitationFields on Invitation {\n    token\n    expiresAt\n    user {\n      ...AdminUserRow\n    }\n  }\n": types.InvitationFieldsFragmentDoc,
    "\n  query AdminOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      kind\n      country\n      region\n      active\n    }\n    users {\n      ...AdminUserRow\n    }\n  }\n": types.AdminOrganisationsDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      ...InvitationFields\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  mutation SetOrganisationActive($id: ID!, $active: Boolean!) {\n    setOrganisationActive(id: $id, active: $active) {\n      id\n      active\n    }\n  }\n": types.SetOrganisationActiveDocument,
    "\n  query Staff {\n    me {\n      id\n    }\n    users {\n      ...AdminUserRow\n    }\n  }\n": types.StaffDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationFields\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation ReissueInvitation($userId: ID!) {\n    reissueInvitation(userId: $userId) {\n      ...InvitationFields\n    }\n  }\n": types.ReissueInvitationDocument,
    "\n  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUserRow\n    }\n  }\n": types.SetUserRolesDocument,
    "\n  mutation SetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUserRow\n    }\n  }\n": types.SetUserActiveDocument,
    "\n  fragment AdminUnitFields on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n  }\n": types.AdminUnitFieldsFragmentDoc,
    "\n  fragment AdminFacilityFields on Facility {\n    id\n    name\n    kind\n    district\n    state\n    country\n    address\n    services\n    active\n    units {\n      ...AdminUnitFields\n    }\n  }\n": types.AdminFacilityFieldsFragmentDoc,
    "\n  query OwnFacilities {\n    me {\n      id\n      organisation {\n        id\n        shortName\n        country\n        facilities {\n          ...AdminFacilityFields\n        }\n      }\n    }\n  }\n": types.OwnFacilitiesDocument,
    "\n  mutation CreateFacility($input: CreateFacilityInput!) {\n    createFacility(input: $input) {\n      ...AdminFacilityFields\n    }\n  }\n": types.CreateFacilityDocument,
    "\n  mutation UpdateFacility($input: UpdateFacilityInput!) {\n    updateFacility(input: $input) {\n      ...AdminFacilityFields\n    }\n  }\n": types.UpdateFacilityDocument,
    "\n  mutation CreateBedUnit($input: CreateBedUnitInput!) {\n    createBedUnit(input: $input) {\n      ...AdminUnitFields\n    }\n  }\n": types.CreateBedUnitDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query Account {\n    me {\n      id\n      email\n      displayName\n      roles\n      organisation {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": types.AccountDocument,
    "\n  fragment CaseSummary on RepatriationCase {\n    id\n    code\n    status\n    statusReason\n    destinationCountry\n    destinationRegion\n    borderPoint\n    hasOverdue\n    updatedAt\n    subject {\n      id\n      code\n    }\n    homeOrganisation {\n      id\n      shortName\n    }\n    counterpartOrganisation {\n      id\n      shortName\n    }\n    milestones {\n      id\n      status\n    }\n    documents {\n      id\n      status\n      expiringSoon\n    }\n  }\n": types.CaseSummaryFragmentDoc,
    "\n  query RepatriationCases($status: [RepatriationStatus!], $overdueOnly: Boolean!) {\n    repatriationCases(status: $status, overdueOnly: $overdueOnly) {\n      ...CaseSummary\n    }\n  }\n": types.RepatriationCasesDocument,
    "\n  fragment CaseDetail on RepatriationCase {\n    ...CaseSummary\n    createdAt\n    subject {\n      id\n      code\n      sex\n      age\n      nationality\n    }\n    milestones {\n      id\n      kind\n      status\n      dueOn\n      completedAt\n      overdue\n      note\n      byCounterpart\n    }\n    documents {\n      id\n      kind\n      status\n      issuer\n      reference\n      issuedOn\n      expiresOn\n      expiringSoon\n    }\n    followUpVisits {\n      id\n      months\n      dueOn\n      visitedAt\n      note\n      overdue\n    }\n    events {\n      id\n      at\n      kind\n      concerning\n      note\n      milestone\n      milestoneStatus\n      document\n      documentStatus\n      expiresOn\n      fromStatus\n      toStatus\n      reason\n      months\n      organisation {\n        id\n        shortName\n      }\n      counterpartOrganisation {\n        id\n        shortName\n      }\n    }\n  }\n": types.CaseDetailFragmentDoc,
    "\n  query RepatriationCase($id: ID!) {\n    repatriationCase(id: $id) {\n      ...CaseDetail\n    }\n  }\n": types.RepatriationCaseDocument,
    "\n  subscription RepatriationCaseUpdated {\n    repatriationCaseUpdated {\n      reason\n      milestone\n      document\n      case {\n        ...CaseSummary\n      }\n    }\n  }\n": types.RepatriationCaseUpdatedDocument,
    "\n  query CounterpartOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      country\n      active\n    }\n  }\n": types.CounterpartOrganisationsDocument,
    "\n  mutation OpenRepatriationCase($input: OpenRepatriationInput!) {\n    openRepatriationCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.OpenRepatriationCaseDocument,
    "\n  mutation SetRepatriationCounterpart($caseId: ID!, $counterpartOrganisationId: ID!, $consentId: ID) {\n    setRepatriationCounterpart(\n      caseId: $caseId\n      counterpartOrganisationId: $counterpartOrganisationId\n      consentId: $consentId\n    ) {\n      ...CaseDetail\n    }\n  }\n": types.SetRepatriationCounterpartDocument,
    "\n  mutation UpdateMilestone($input: UpdateMilestoneInput!) {\n    updateMilestone(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.UpdateMilestoneDocument,
    "\n  mutation RecordDocument($input: RecordDocumentInput!) {\n    recordDocument(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.RecordDocumentDocument,
    "\n  mutation RecordFollowUpVisit($caseId: ID!, $months: Int!, $note: String) {\n    recordFollowUpVisit(caseId: $caseId, months: $months, note: $note) {\n      ...CaseDetail\n    }\n  }\n": types.RecordFollowUpVisitDocument,
    "\n  mutation HoldRepatriationCase($caseId: ID!, $reason: String!) {\n    holdRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n": types.HoldRepatriationCaseDocument,
    "\n  mutation ResumeRepatriationCase($caseId: ID!) {\n    resumeRepatriationCase(caseId: $caseId) {\n      ...CaseDetail\n    }\n  }\n": types.ResumeRepatriationCaseDocument,
    "\n  mutation CancelRepatriationCase($caseId: ID!, $reason: String!) {\n    cancelRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n": types.CancelRepatriationCaseDocument,
    "\n  mutation CloseRepatriationCase($caseId: ID!, $reason: String!) {\n    closeRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n": types.CloseRepatriationCaseDocument,
    "\n  query AuditEvents($action: String, $entityType: String, $entityId: String, $before: String, $first: Int) {\n    auditEvents(action: $action, entityType: $entityType, entityId: $entityId, before: $before, first: $first) {\n      id\n      at\n      action\n      entityType\n      entityId\n      detail\n      actor {\n        id\n        displayName\n      }\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query UnitHistory($unitId: ID!, $since: DateTime) {\n    bedUnit(id: $unitId) {\n      id\n      name\n      capacity\n      occupied\n      held\n      available\n      facility {\n        id\n        name\n        organisation {\n          id\n          shortName\n        }\n      }\n      history(since: $since, first: 1000) {\n        at\n        reason\n        capacity\n        occupied\n        held\n        available\n      }\n    }\n  }\n": types.UnitHistoryDocument,
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": types.MeDocument,
    "\n  fragment BedUnitRow on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n    version\n    updatedAt\n    facility {\n      id\n      name\n      district\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": types.BedUnitRowFragmentDoc,
    "\n  query BedAvailability($filter: BedSearch) {\n    bedAvailability(filter: $filter) {\n      ...BedUnitRow\n    }\n  }\n": types.BedAvailabilityDocument,
    "\n  query Districts {\n    facilities {\n      id\n      district\n    }\n  }\n": types.DistrictsDocument,
    "\n  subscription BedAvailabilityChanged {\n    bedAvailabilityChanged {\n      ...BedUnitRow\n    }\n  }\n": types.BedAvailabilityChangedDocument,
    "\n  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {\n    updateBedUnit(input: $input) {\n      ...BedUnitRow\n    }\n  }\n": types.UpdateBedUnitDocument,
    "\n  fragment ReferralRow on Referral {\n    id\n    code\n    status\n    urgency\n    needs\n    createdAt\n    updatedAt\n    subject {\n      id\n      code\n      sex\n      age\n    }\n    fromOrganisation {\n      id\n      shortName\n    }\n    toOrganisation {\n      id\n      shortName\n    }\n    toFacility {\n      id\n      name\n    }\n  }\n": types.ReferralRowFragmentDoc,
    "\n  query ReferralList($box: ReferralBox!, $status: [ReferralStatus!], $first: Int, $after: String) {\n    referrals(filter: { box: $box, status: $status }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReferralRow\n        }\n      }\n    }\n    referralCounts(box: $box) {\n      status\n      count\n    }\n  }\n": types.ReferralListDocument,
    "\n  fragment ReferralDetails on Referral {\n    ...ReferralRow\n    summary\n    holdExpiresAt\n    declineReason\n    subject {\n      isMinor\n      nationality\n      organisation {\n        id\n        shortName\n      }\n      identity {\n        fullName\n        dateOfBirth\n        guardianContact\n        homeAddress\n      }\n    }\n    heldUnit {\n      id\n      name\n      facility {\n        id\n        name\n      }\n    }\n    events {\n      id\n      at\n      status\n      note\n      actor {\n        id\n        displayName\n      }\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n": types.ReferralDetailsFragmentDoc,
    "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      ...ReferralDetails\n    }\n  }\n": types.ReferralDocument,
    "\n  subscription ReferralUpdated {\n    referralUpdated {\n      ...ReferralRow\n    }\n  }\n": types.ReferralUpdatedDocument,
    "\n  mutation AcceptReferral($id: ID!, $unitId: ID) {\n    acceptReferral(id: $id, unitId: $unitId) {\n      ...ReferralDetails\n    }\n  }\n": types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($id: ID!, $reason: String!) {\n    declineReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n": types.DeclineReferralDocument,
    "\n  mutation WithdrawReferral($id: ID!, $reason: String) {\n    withdrawReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n": types.WithdrawReferralDocument,
    "\n  mutation CompleteReferral($id: ID!) {\n    completeReferral(id: $id) {\n      ...ReferralDetails\n    }\n  }\n": types.CompleteReferralDocument,
    "\n  mutation CancelReferral($id: ID!, $reason: String!) {\n    cancelReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n": types.CancelReferralDocument,
    "\n  query ReceivingOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      active\n      facilities {\n        id\n        name\n        active\n      }\n    }\n  }\n": types.ReceivingOrganisationsDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      code\n    }\n  }\n": types.CreateReferralDocument,
    "\n  query OwnSubjects($search: String, $first: Int, $after: String) {\n    subjects(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          sex\n          age\n          isMinor\n          nationality\n        }\n      }\n    }\n  }\n": types.OwnSubjectsDocument,
    "\n  query SubjectIdentity($id: ID!) {\n    subject(id: $id) {\n      id\n      identity {\n        fullName\n      }\n    }\n  }\n": types.SubjectIdentityDocument,
    "\n  mutation CreateSubject($input: CreateSubjectInput!) {\n    createSubject(input: $input) {\n      id\n      code\n      sex\n      age\n      isMinor\n      nationality\n    }\n  }\n": types.CreateSubjectDocument,
    "\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      id\n    }\n  }\n": types.RecordConsentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserRow on User {\n    id\n    email\n    displayName\n    roles\n    active\n    organisation {\n      id\n    }\n    pendingInvitation {\n      expiresAt\n      expired\n    }\n  }\n"): (typeof documents)["\n  fragment AdminUserRow on User {\n    id\n    email\n    displayName\n    roles\n    active\n    organisation {\n      id\n    }\n    pendingInvitation {\n      expiresAt\n      expired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationFields on Invitation {\n    token\n    expiresAt\n    user {\n      ...AdminUserRow\n    }\n  }\n"): (typeof documents)["\n  fragment InvitationFields on Invitation {\n    token\n    expiresAt\n    user {\n      ...AdminUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      kind\n      country\n      region\n      active\n    }\n    users {\n      ...AdminUserRow\n    }\n  }\n"): (typeof documents)["\n  query AdminOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      kind\n      country\n      region\n      active\n    }\n    users {\n      ...AdminUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      ...InvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      ...InvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganisationActive($id: ID!, $active: Boolean!) {\n    setOrganisationActive(id: $id, active: $active) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganisationActive($id: ID!, $active: Boolean!) {\n    setOrganisationActive(id: $id, active: $active) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Staff {\n    me {\n      id\n    }\n    users {\n      ...AdminUserRow\n    }\n  }\n"): (typeof documents)["\n  query Staff {\n    me {\n      id\n    }\n    users {\n      ...AdminUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReissueInvitation($userId: ID!) {\n    reissueInvitation(userId: $userId) {\n      ...InvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReissueInvitation($userId: ID!) {\n    reissueInvitation(userId: $userId) {\n      ...InvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUserRow\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      ...AdminUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUserRow\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserActive($userId: ID!, $active: Boolean!) {\n    setUserActive(userId: $userId, active: $active) {\n      ...AdminUserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUnitFields on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n  }\n"): (typeof documents)["\n  fragment AdminUnitFields on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminFacilityFields on Facility {\n    id\n    name\n    kind\n    district\n    state\n    country\n    address\n    services\n    active\n    units {\n      ...AdminUnitFields\n    }\n  }\n"): (typeof documents)["\n  fragment AdminFacilityFields on Facility {\n    id\n    name\n    kind\n    district\n    state\n    country\n    address\n    services\n    active\n    units {\n      ...AdminUnitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnFacilities {\n    me {\n      id\n      organisation {\n        id\n        shortName\n        country\n        facilities {\n          ...AdminFacilityFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OwnFacilities {\n    me {\n      id\n      organisation {\n        id\n        shortName\n        country\n        facilities {\n          ...AdminFacilityFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFacility($input: CreateFacilityInput!) {\n    createFacility(input: $input) {\n      ...AdminFacilityFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFacility($input: CreateFacilityInput!) {\n    createFacility(input: $input) {\n      ...AdminFacilityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFacility($input: UpdateFacilityInput!) {\n    updateFacility(input: $input) {\n      ...AdminFacilityFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFacility($input: UpdateFacilityInput!) {\n    updateFacility(input: $input) {\n      ...AdminFacilityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBedUnit($input: CreateBedUnitInput!) {\n    createBedUnit(input: $input) {\n      ...AdminUnitFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBedUnit($input: CreateBedUnitInput!) {\n    createBedUnit(input: $input) {\n      ...AdminUnitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    me {\n      id\n      email\n      displayName\n      roles\n      organisation {\n        id\n        name\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  query Account {\n    me {\n      id\n      email\n      displayName\n      roles\n      organisation {\n        id\n        name\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseSummary on RepatriationCase {\n    id\n    code\n    status\n    statusReason\n    destinationCountry\n    destinationRegion\n    borderPoint\n    hasOverdue\n    updatedAt\n    subject {\n      id\n      code\n    }\n    homeOrganisation {\n      id\n      shortName\n    }\n    counterpartOrganisation {\n      id\n      shortName\n    }\n    milestones {\n      id\n      status\n    }\n    documents {\n      id\n      status\n      expiringSoon\n    }\n  }\n"): (typeof documents)["\n  fragment CaseSummary on RepatriationCase {\n    id\n    code\n    status\n    statusReason\n    destinationCountry\n    destinationRegion\n    borderPoint\n    hasOverdue\n    updatedAt\n    subject {\n      id\n      code\n    }\n    homeOrganisation {\n      id\n      shortName\n    }\n    counterpartOrganisation {\n      id\n      shortName\n    }\n    milestones {\n      id\n      status\n    }\n    documents {\n      id\n      status\n      expiringSoon\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RepatriationCases($status: [RepatriationStatus!], $overdueOnly: Boolean!) {\n    repatriationCases(status: $status, overdueOnly: $overdueOnly) {\n      ...CaseSummary\n    }\n  }\n"): (typeof documents)["\n  query RepatriationCases($status: [RepatriationStatus!], $overdueOnly: Boolean!) {\n    repatriationCases(status: $status, overdueOnly: $overdueOnly) {\n      ...CaseSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseDetail on RepatriationCase {\n    ...CaseSummary\n    createdAt\n    subject {\n      id\n      code\n      sex\n      age\n      nationality\n    }\n    milestones {\n      id\n      kind\n      status\n      dueOn\n      completedAt\n      overdue\n      note\n      byCounterpart\n    }\n    documents {\n      id\n      kind\n      status\n      issuer\n      reference\n      issuedOn\n      expiresOn\n      expiringSoon\n    }\n    followUpVisits {\n      id\n      months\n      dueOn\n      visitedAt\n      note\n      overdue\n    }\n    events {\n      id\n      at\n      kind\n      concerning\n      note\n      milestone\n      milestoneStatus\n      document\n      documentStatus\n      expiresOn\n      fromStatus\n      toStatus\n      reason\n      months\n      organisation {\n        id\n        shortName\n      }\n      counterpartOrganisation {\n        id\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CaseDetail on RepatriationCase {\n    ...CaseSummary\n    createdAt\n    subject {\n      id\n      code\n      sex\n      age\n      nationality\n    }\n    milestones {\n      id\n      kind\n      status\n      dueOn\n      completedAt\n      overdue\n      note\n      byCounterpart\n    }\n    documents {\n      id\n      kind\n      status\n      issuer\n      reference\n      issuedOn\n      expiresOn\n      expiringSoon\n    }\n    followUpVisits {\n      id\n      months\n      dueOn\n      visitedAt\n      note\n      overdue\n    }\n    events {\n      id\n      at\n      kind\n      concerning\n      note\n      milestone\n      milestoneStatus\n      document\n      documentStatus\n      expiresOn\n      fromStatus\n      toStatus\n      reason\n      months\n      organisation {\n        id\n        shortName\n      }\n      counterpartOrganisation {\n        id\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RepatriationCase($id: ID!) {\n    repatriationCase(id: $id) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  query RepatriationCase($id: ID!) {\n    repatriationCase(id: $id) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RepatriationCaseUpdated {\n    repatriationCaseUpdated {\n      reason\n      milestone\n      document\n      case {\n        ...CaseSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RepatriationCaseUpdated {\n    repatriationCaseUpdated {\n      reason\n      milestone\n      document\n      case {\n        ...CaseSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterpartOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      country\n      active\n    }\n  }\n"): (typeof documents)["\n  query CounterpartOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      country\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenRepatriationCase($input: OpenRepatriationInput!) {\n    openRepatriationCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation OpenRepatriationCase($input: OpenRepatriationInput!) {\n    openRepatriationCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRepatriationCounterpart($caseId: ID!, $counterpartOrganisationId: ID!, $consentId: ID) {\n    setRepatriationCounterpart(\n      caseId: $caseId\n      counterpartOrganisationId: $counterpartOrganisationId\n      consentId: $consentId\n    ) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SetRepatriationCounterpart($caseId: ID!, $counterpartOrganisationId: ID!, $consentId: ID) {\n    setRepatriationCounterpart(\n      caseId: $caseId\n      counterpartOrganisationId: $counterpartOrganisationId\n      consentId: $consentId\n    ) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMilestone($input: UpdateMilestoneInput!) {\n    updateMilestone(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMilestone($input: UpdateMilestoneInput!) {\n    updateMilestone(input: $input) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDocument($input: RecordDocumentInput!) {\n    recordDocument(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RecordDocument($input: RecordDocumentInput!) {\n    recordDocument(input: $input) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordFollowUpVisit($caseId: ID!, $months: Int!, $note: String) {\n    recordFollowUpVisit(caseId: $caseId, months: $months, note: $note) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RecordFollowUpVisit($caseId: ID!, $months: Int!, $note: String) {\n    recordFollowUpVisit(caseId: $caseId, months: $months, note: $note) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HoldRepatriationCase($caseId: ID!, $reason: String!) {\n    holdRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation HoldRepatriationCase($caseId: ID!, $reason: String!) {\n    holdRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeRepatriationCase($caseId: ID!) {\n    resumeRepatriationCase(caseId: $caseId) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeRepatriationCase($caseId: ID!) {\n    resumeRepatriationCase(caseId: $caseId) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRepatriationCase($caseId: ID!, $reason: String!) {\n    cancelRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRepatriationCase($caseId: ID!, $reason: String!) {\n    cancelRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseRepatriationCase($caseId: ID!, $reason: String!) {\n    closeRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CloseRepatriationCase($caseId: ID!, $reason: String!) {\n    closeRepatriationCase(caseId: $caseId, reason: $reason) {\n      ...CaseDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($action: String, $entityType: String, $entityId: String, $before: String, $first: Int) {\n    auditEvents(action: $action, entityType: $entityType, entityId: $entityId, before: $before, first: $first) {\n      id\n      at\n      action\n      entityType\n      entityId\n      detail\n      actor {\n        id\n        displayName\n      }\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($action: String, $entityType: String, $entityId: String, $before: String, $first: Int) {\n    auditEvents(action: $action, entityType: $entityType, entityId: $entityId, before: $before, first: $first) {\n      id\n      at\n      action\n      entityType\n      entityId\n      detail\n      actor {\n        id\n        displayName\n      }\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitHistory($unitId: ID!, $since: DateTime) {\n    bedUnit(id: $unitId) {\n      id\n      name\n      capacity\n      occupied\n      held\n      available\n      facility {\n        id\n        name\n        organisation {\n          id\n          shortName\n        }\n      }\n      history(since: $since, first: 1000) {\n        at\n        reason\n        capacity\n        occupied\n        held\n        available\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitHistory($unitId: ID!, $since: DateTime) {\n    bedUnit(id: $unitId) {\n      id\n      name\n      capacity\n      occupied\n      held\n      available\n      facility {\n        id\n        name\n        organisation {\n          id\n          shortName\n        }\n      }\n      history(since: $since, first: 1000) {\n        at\n        reason\n        capacity\n        occupied\n        held\n        available\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BedUnitRow on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n    version\n    updatedAt\n    facility {\n      id\n      name\n      district\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BedUnitRow on BedUnit {\n    id\n    name\n    sex\n    minAge\n    maxAge\n    capacity\n    occupied\n    held\n    available\n    version\n    updatedAt\n    facility {\n      id\n      name\n      district\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BedAvailability($filter: BedSearch) {\n    bedAvailability(filter: $filter) {\n      ...BedUnitRow\n    }\n  }\n"): (typeof documents)["\n  query BedAvailability($filter: BedSearch) {\n    bedAvailability(filter: $filter) {\n      ...BedUnitRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Districts {\n    facilities {\n      id\n      district\n    }\n  }\n"): (typeof documents)["\n  query Districts {\n    facilities {\n      id\n      district\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BedAvailabilityChanged {\n    bedAvailabilityChanged {\n      ...BedUnitRow\n    }\n  }\n"): (typeof documents)["\n  subscription BedAvailabilityChanged {\n    bedAvailabilityChanged {\n      ...BedUnitRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {\n    updateBedUnit(input: $input) {\n      ...BedUnitRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBedUnit($input: UpdateBedUnitInput!) {\n    updateBedUnit(input: $input) {\n      ...BedUnitRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReferralRow on Referral {\n    id\n    code\n    status\n    urgency\n    needs\n    createdAt\n    updatedAt\n    subject {\n      id\n      code\n      sex\n      age\n    }\n    fromOrganisation {\n      id\n      shortName\n    }\n    toOrganisation {\n      id\n      shortName\n    }\n    toFacility {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ReferralRow on Referral {\n    id\n    code\n    status\n    urgency\n    needs\n    createdAt\n    updatedAt\n    subject {\n      id\n      code\n      sex\n      age\n    }\n    fromOrganisation {\n      id\n      shortName\n    }\n    toOrganisation {\n      id\n      shortName\n    }\n    toFacility {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralList($box: ReferralBox!, $status: [ReferralStatus!], $first: Int, $after: String) {\n    referrals(filter: { box: $box, status: $status }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReferralRow\n        }\n      }\n    }\n    referralCounts(box: $box) {\n      status\n      count\n    }\n  }\n"): (typeof documents)["\n  query ReferralList($box: ReferralBox!, $status: [ReferralStatus!], $first: Int, $after: String) {\n    referrals(filter: { box: $box, status: $status }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReferralRow\n        }\n      }\n    }\n    referralCounts(box: $box) {\n      status\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReferralDetails on Referral {\n    ...ReferralRow\n    summary\n    holdExpiresAt\n    declineReason\n    subject {\n      isMinor\n      nationality\n      organisation {\n        id\n        shortName\n      }\n      identity {\n        fullName\n        dateOfBirth\n        guardianContact\n        homeAddress\n      }\n    }\n    heldUnit {\n      id\n      name\n      facility {\n        id\n        name\n      }\n    }\n    events {\n      id\n      at\n      status\n      note\n      actor {\n        id\n        displayName\n      }\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReferralDetails on Referral {\n    ...ReferralRow\n    summary\n    holdExpiresAt\n    declineReason\n    subject {\n      isMinor\n      nationality\n      organisation {\n        id\n        shortName\n      }\n      identity {\n        fullName\n        dateOfBirth\n        guardianContact\n        homeAddress\n      }\n    }\n    heldUnit {\n      id\n      name\n      facility {\n        id\n        name\n      }\n    }\n    events {\n      id\n      at\n      status\n      note\n      actor {\n        id\n        displayName\n      }\n      organisation {\n        id\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      ...ReferralDetails\n    }\n  }\n"): (typeof documents)["\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      ...ReferralDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReferralUpdated {\n    referralUpdated {\n      ...ReferralRow\n    }\n  }\n"): (typeof documents)["\n  subscription ReferralUpdated {\n    referralUpdated {\n      ...ReferralRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReferral($id: ID!, $unitId: ID) {\n    acceptReferral(id: $id, unitId: $unitId) {\n      ...ReferralDetails\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptReferral($id: ID!, $unitId: ID) {\n    acceptReferral(id: $id, unitId: $unitId) {\n      ...ReferralDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineReferral($id: ID!, $reason: String!) {\n    declineReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineReferral($id: ID!, $reason: String!) {\n    declineReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawReferral($id: ID!, $reason: String) {\n    withdrawReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawReferral($id: ID!, $reason: String) {\n    withdrawReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteReferral($id: ID!) {\n    completeReferral(id: $id) {\n      ...ReferralDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteReferral($id: ID!) {\n    completeReferral(id: $id) {\n      ...ReferralDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelReferral($id: ID!, $reason: String!) {\n    cancelReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CancelReferral($id: ID!, $reason: String!) {\n    cancelReferral(id: $id, reason: $reason) {\n      ...ReferralDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivingOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      active\n      facilities {\n        id\n        name\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReceivingOrganisations {\n    organisations {\n      id\n      name\n      shortName\n      active\n      facilities {\n        id\n        name\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnSubjects($search: String, $first: Int, $after: String) {\n    subjects(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          sex\n          age\n          isMinor\n          nationality\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OwnSubjects($search: String, $first: Int, $after: String) {\n    subjects(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          sex\n          age\n          isMinor\n          nationality\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectIdentity($id: ID!) {\n    subject(id: $id) {\n      id\n      identity {\n        fullName\n      }\n    }\n  }\n"): (typeof documents)["\n  query SubjectIdentity($id: ID!) {\n    subject(id: $id) {\n      id\n      identity {\n        fullName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSubject($input: CreateSubjectInput!) {\n    createSubject(input: $input) {\n      id\n      code\n      sex\n      age\n      isMinor\n      nationality\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSubject($input: CreateSubjectInput!) {\n    createSubject(input: $input) {\n      id\n      code\n      sex\n      age\n      isMinor\n      nationality\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;