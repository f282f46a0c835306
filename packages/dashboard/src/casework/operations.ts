import { graphql } from '../gql';

export const CaseSummary = graphql(`
  fragment CaseSummary on RepatriationCase {
    id
    code
    status
    statusReason
    destinationCountry
    destinationRegion
    borderPoint
    hasOverdue
    updatedAt
    subject {
      id
      code
    }
    homeOrganisation {
      id
      shortName
    }
    counterpartOrganisation {
      id
      shortName
    }
    milestones {
      id
      status
    }
    documents {
      id
      status
      expiringSoon
    }
  }
`);

export const RepatriationCasesQuery = graphql(`
  query RepatriationCases($status: [RepatriationStatus!], $overdueOnly: Boolean!) {
    repatriationCases(status: $status, overdueOnly: $overdueOnly) {
      ...CaseSummary
    }
  }
`);

export const CaseDetail = graphql(`
  fragment CaseDetail on RepatriationCase {
    ...CaseSummary
    createdAt
    subject {
      id
      code
      sex
      age
      nationality
    }
    milestones {
      id
      kind
      status
      dueOn
      completedAt
      overdue
      note
      byCounterpart
    }
    documents {
      id
      kind
      status
      issuer
      reference
      issuedOn
      expiresOn
      expiringSoon
    }
    followUpVisits {
      id
      months
      dueOn
      visitedAt
      note
      overdue
    }
    events {
      id
      at
      kind
      concerning
      note
      milestone
      milestoneStatus
      document
      documentStatus
      expiresOn
      fromStatus
      toStatus
      reason
      months
      organisation {
        id
        shortName
      }
      counterpartOrganisation {
        id
        shortName
      }
    }
  }
`);

export const RepatriationCaseQuery = graphql(`
  query RepatriationCase($id: ID!) {
    repatriationCase(id: $id) {
      ...CaseDetail
    }
  }
`);

export const RepatriationCaseUpdatedSubscription = graphql(`
  subscription RepatriationCaseUpdated {
    repatriationCaseUpdated {
      reason
      milestone
      document
      case {
        ...CaseSummary
      }
    }
  }
`);

/** Every organisation that could be a case's counterpart; the form leaves out the caller's own. */
export const CounterpartOrganisationsQuery = graphql(`
  query CounterpartOrganisations {
    organisations {
      id
      name
      shortName
      country
      active
    }
  }
`);

export const OpenRepatriationCaseMutation = graphql(`
  mutation OpenRepatriationCase($input: OpenRepatriationInput!) {
    openRepatriationCase(input: $input) {
      ...CaseDetail
    }
  }
`);

export const SetCounterpartMutation = graphql(`
  mutation SetRepatriationCounterpart($caseId: ID!, $counterpartOrganisationId: ID!, $consentId: ID) {
    setRepatriationCounterpart(
      caseId: $caseId
      counterpartOrganisationId: $counterpartOrganisationId
      consentId: $consentId
    ) {
      ...CaseDetail
    }
  }
`);

export const UpdateMilestoneMutation = graphql(`
  mutation UpdateMilestone($input: UpdateMilestoneInput!) {
    updateMilestone(input: $input) {
      ...CaseDetail
    }
  }
`);

export const RecordDocumentMutation = graphql(`
  mutation RecordDocument($input: RecordDocumentInput!) {
    recordDocument(input: $input) {
      ...CaseDetail
    }
  }
`);

export const RecordFollowUpVisitMutation = graphql(`
  mutation RecordFollowUpVisit($caseId: ID!, $months: Int!, $note: String) {
    recordFollowUpVisit(caseId: $caseId, months: $months, note: $note) {
      ...CaseDetail
    }
  }
`);

export const HoldCaseMutation = graphql(`
  mutation HoldRepatriationCase($caseId: ID!, $reason: String!) {
    holdRepatriationCase(caseId: $caseId, reason: $reason) {
      ...CaseDetail
    }
  }
`);

export const ResumeCaseMutation = graphql(`
  mutation ResumeRepatriationCase($caseId: ID!) {
    resumeRepatriationCase(caseId: $caseId) {
      ...CaseDetail
    }
  }
`);

export const CancelCaseMutation = graphql(`
  mutation CancelRepatriationCase($caseId: ID!, $reason: String!) {
    cancelRepatriationCase(caseId: $caseId, reason: $reason) {
      ...CaseDetail
    }
  }
`);

export const CloseCaseMutation = graphql(`
  mutation CloseRepatriationCase($caseId: ID!, $reason: String!) {
    closeRepatriationCase(caseId: $caseId, reason: $reason) {
      ...CaseDetail
    }
  }
`);

export const AuditEventsQuery = graphql(`
  query AuditEvents($action: String, $entityType: String, $entityId: String, $before: String, $first: Int) {
    auditEvents(action: $action, entityType: $entityType, entityId: $entityId, before: $before, first: $first) {
      id
      at
      action
      entityType
      entityId
      detail
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

export const UnitHistoryQuery = graphql(`
  query UnitHistory($unitId: ID!, $since: DateTime) {
    bedUnit(id: $unitId) {
      id
      name
      capacity
      occupied
      held
      available
      facility {
        id
        name
        organisation {
          id
          shortName
        }
      }
      history(since: $since, first: 1000) {
        at
        reason
        capacity
        occupied
        held
        available
      }
    }
  }
`);
