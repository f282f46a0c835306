import { graphql } from '../gql';

/** The caller organisation's own subjects, by pseudonym: what the forms that start a referral or a case pick from. */
export const OwnSubjectsQuery = graphql(`
  query OwnSubjects($search: String, $first: Int, $after: String) {
    subjects(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          sex
          age
          isMinor
          nationality
        }
      }
    }
  }
`);

/** Opens one subject's identity: the server audits this read, so it is asked for one subject only. */
export const SubjectIdentityQuery = graphql(`
  query SubjectIdentity($id: ID!) {
    subject(id: $id) {
      id
      identity {
        fullName
      }
    }
  }
`);

export const CreateSubjectMutation = graphql(`
  mutation CreateSubject($input: CreateSubjectInput!) {
    createSubject(input: $input) {
      id
      code
      sex
      age
      isMinor
      nationality
    }
  }
`);

export const RecordConsentMutation = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      id
    }
  }
`);
