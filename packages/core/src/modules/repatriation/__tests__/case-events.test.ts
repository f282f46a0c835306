import { CaseEventFacts1763945000000 } from '../../../database/migrations/1763945000000-CaseEventFacts';
import { RECORD_CONSENT, TestGateway, organisationId, registerSubject, type GraphQLClient } from '@sahayog/testing';

const EVENT_FIELDS = `kind concerning note milestone milestoneStatus document documentStatus expiresOn fromStatus
  toStatus reason months organisation { shortName } counterpartOrganisation { shortName }`;
const CASE_EVENTS = `id status events { ${EVENT_FIELDS} }`;
const OPEN = `mutation($input: OpenRepatriationInput!) { openRepatriationCase(input: $input) { ${CASE_EVENTS} } }`;
const COUNTERPART = `mutation($id: ID!, $to: ID!, $consent: ID) {
  setRepatriationCounterpart(caseId: $id, counterpartOrganisationId: $to, consentId: $consent) { ${CASE_EVENTS} }
}`;
const UPDATE = `mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { ${CASE_EVENTS} } }`;
const DOCUMENT = `mutation($input: RecordDocumentInput!) { recordDocument(input: $input) { ${CASE_EVENTS} } }`;
const HOLD = `mutation($id: ID!, $reason: String!) { holdRepatriationCase(caseId: $id, reason: $reason) { ${CASE_EVENTS} } }`;
const RESUME = `mutation($id: ID!) { resumeRepatriationCase(caseId: $id) { ${CASE_EVENTS} } }`;
const CASE = `query($id: ID!) { repatriationCase(id: $id) { ${CASE_EVENTS} } }`;
const SUBJECTS = `query { subjects(first: 100) { edges { node { id code } } } }`;

interface CaseEvents {
  id: string;
  status: string;
  events: Record<string, unknown>[];
}

let t: TestGateway;
let caseworker: GraphQLClient;
let liaison: GraphQLClient;
let bdLiaison: GraphQLClient;
let jkpsLiaison: GraphQLClient;
let bdPartner: string;

const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const NO_FACTS = {
  note: null,
  milestone: null,
  milestoneStatus: null,
  document: null,
  documentStatus: null,
  expiresOn: null,
  fromStatus: null,
  toStatus: null,
  reason: null,
  months: null,
  counterpartOrganisation: null,
};

beforeAll(async () => {
  t = await TestGateway.start();
  [caseworker, liaison, bdLiaison, jkpsLiaison] = await Promise.all([
    t.signIn('caseworker@newlight.demo'),
    t.signIn('liaison@newlight.demo'),
    t.signIn('liaison@bd-partner.demo'),
    t.signIn('liaison@jkps.demo'),
  ]);
  bdPartner = await organisationId(t, 'BD-PARTNER');
});
afterAll(() => t.close());

describe('opening a case as a liaison', () => {
  it("lists the organisation's own subjects and records repatriation consent, but not consent for referral", async () => {
    const subject = await registerSubject(caseworker, { fullName: 'Rupa Demo-Fictional', age: 14, nationality: 'BD' });
    await registerSubject(await t.signIn('caseworker@jkps.demo'), { fullName: 'Other Demo-Fictional' });

    const listed = await liaison.data<{ subjects: { edges: { node: { id: string } }[] } }>(SUBJECTS);
    expect(listed.subjects.edges.map((edge) => edge.node.id)).toEqual([subject.id]);

    const consent = (purpose: string) => ({
      input: { subjectId: subject.id, grantedToOrganisationId: bdPartner, purpose, givenBy: 'CHILD_WELFARE_COMMITTEE' },
    });
    const before = await t.snapshot();
    expect((await liaison.error(RECORD_CONSENT, consent('REFERRAL'))).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.snapshot()).toEqual(before);
    // Another organisation's liaison cannot record consent for this subject at all.
    expect((await jkpsLiaison.error(RECORD_CONSENT, consent('REPATRIATION'))).extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await t.snapshot()).toEqual(before);

    const { recordConsent } = await liaison.data<{ recordConsent: { id: string; purpose: string } }>(
      RECORD_CONSENT,
      consent('REPATRIATION'),
    );
    expect(recordConsent.purpose).toBe('REPATRIATION');
  });
});

describe('case events', () => {
  it('carry their step, statuses, document, reason and counterpart as fields, for new and migrated events', async () => {
    const subject = await registerSubject(caseworker, { fullName: 'Mita Demo-Fictional', age: 16, nationality: 'BD' });
    const { openRepatriationCase: opened } = await liaison.data<{ openRepatriationCase: CaseEvents }>(OPEN, {
      input: { subjectId: subject.id, destinationCountry: 'BD', destinationRegion: 'Khulna' },
    });
    const id = opened.id;
    const watchBd = bdLiaison.subscriptions();
    const bdUpdates = watchBd.subscribe<{ repatriationCaseUpdated: { reason: string; case: { id: string } } }>(
      `subscription { repatriationCaseUpdated { reason case { id } } }`,
    );
    try {
      await watchBd.connected();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await liaison.data(COUNTERPART, { id, to: bdPartner });
      // The organisation named hears of the case it now shares.
      expect((await bdUpdates.next()).data?.repatriationCaseUpdated).toEqual({
        reason: 'COUNTERPART_NAMED',
        case: { id },
      });
    } finally {
      await watchBd.close();
    }
    await liaison.data(UPDATE, {
      input: { caseId: id, kind: 'VOLUNTARINESS_ASSESSED', status: 'DONE', note: 'She wants to go home.' },
    });
    await liaison.data(DOCUMENT, {
      input: { caseId: id, kind: 'TRAVEL_PERMIT', status: 'REQUESTED', expiresOn: day(10) },
    });
    await liaison.data(HOLD, { id, reason: 'Family tracing has not found a safe home yet.' });
    await liaison.data(RESUME, { id });
    expect(await t.noticeExpiringDocuments()).toBe(1);

    const read = async () => (await bdLiaison.data<{ repatriationCase: CaseEvents }>(CASE, { id })).repatriationCase;
    const { events } = await read();
    const by = { organisation: { shortName: 'NEWLIGHT' } };
    expect(events).toEqual([
      { ...NO_FACTS, ...by, kind: 'OPENED', concerning: 'BD', toStatus: 'OPEN' },
      {
        ...NO_FACTS,
        ...by,
        kind: 'COUNTERPART_SET',
        concerning: 'BD-PARTNER',
        counterpartOrganisation: { shortName: 'BD-PARTNER' },
      },
      {
        ...NO_FACTS,
        ...by,
        kind: 'MILESTONE_UPDATED',
        concerning: 'VOLUNTARINESS_ASSESSED: DONE',
        note: 'She wants to go home.',
        milestone: 'VOLUNTARINESS_ASSESSED',
        milestoneStatus: 'DONE',
      },
      {
        ...NO_FACTS,
        ...by,
        kind: 'STATUS_CHANGED',
        concerning: 'OPEN → IN_PROGRESS',
        fromStatus: 'OPEN',
        toStatus: 'IN_PROGRESS',
      },
      {
        ...NO_FACTS,
        ...by,
        kind: 'DOCUMENT_RECORDED',
        concerning: 'TRAVEL_PERMIT: REQUESTED',
        document: 'TRAVEL_PERMIT',
        documentStatus: 'REQUESTED',
      },
      {
        ...NO_FACTS,
        ...by,
        kind: 'STATUS_CHANGED',
        concerning: 'IN_PROGRESS → ON_HOLD',
        note: 'Family tracing has not found a safe home yet.',
        fromStatus: 'IN_PROGRESS',
        toStatus: 'ON_HOLD',
        reason: 'Family tracing has not found a safe home yet.',
      },
      {
        ...NO_FACTS,
        ...by,
        kind: 'STATUS_CHANGED',
        concerning: 'ON_HOLD → IN_PROGRESS',
        fromStatus: 'ON_HOLD',
        toStatus: 'IN_PROGRESS',
      },
      {
        ...NO_FACTS,
        // The expiry notice is the maintenance job's, on nobody's behalf.
        organisation: null,
        kind: 'DOCUMENT_EXPIRING',
        concerning: `TRAVEL_PERMIT: ${day(10)}`,
        document: 'TRAVEL_PERMIT',
        expiresOn: day(10),
      },
    ]);

    // Events written before the fields existed held only `concerning` and `note`: the migration reads them back.
    const migration = new CaseEventFacts1763945000000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect((await read()).events.filter((event) => event['milestone'] || event['toStatus'])).toEqual([]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect((await read()).events).toEqual(events);
  });
});
