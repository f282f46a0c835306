import { RECORD_CONSENT, TestGateway, organisationId, registerSubject, type GraphQLClient } from '@sahayog/testing';

const CASE_FIELDS = `id code status statusReason destinationCountry destinationRegion borderPoint hasOverdue
  subject { code identity { fullName } }
  homeOrganisation { shortName } counterpartOrganisation { shortName }
  milestones { kind status dueOn completedAt overdue note byCounterpart }
  documents { id kind status issuer reference expiresOn expiringSoon }
  followUpVisits { months dueOn visitedAt overdue }
  events { kind concerning note organisation { shortName } }`;

const OPEN = `mutation($input: OpenRepatriationInput!) { openRepatriationCase(input: $input) { ${CASE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { ${CASE_FIELDS} } }`;
const DOCUMENT = `mutation($input: RecordDocumentInput!) { recordDocument(input: $input) { ${CASE_FIELDS} } }`;
const HOLD = `mutation($id: ID!, $reason: String!) { holdRepatriationCase(caseId: $id, reason: $reason) { ${CASE_FIELDS} } }`;
const RESUME = `mutation($id: ID!) { resumeRepatriationCase(caseId: $id) { ${CASE_FIELDS} } }`;
const VISIT = `mutation($id: ID!, $months: Int!) { recordFollowUpVisit(caseId: $id, months: $months) { ${CASE_FIELDS} } }`;
const CASE = `query($id: ID!) { repatriationCase(id: $id) { ${CASE_FIELDS} } }`;
const CASES = `query($status: [RepatriationStatus!], $overdueOnly: Boolean) {
  repatriationCases(status: $status, overdueOnly: $overdueOnly) { ${CASE_FIELDS} }
}`;

interface CaseView {
  id: string;
  code: string;
  status: string;
  statusReason: string | null;
  hasOverdue: boolean;
  subject: { code: string; identity: { fullName: string } | null };
  counterpartOrganisation: { shortName: string } | null;
  milestones: { kind: string; status: string; dueOn: string | null; completedAt: string | null; overdue: boolean }[];
  documents: { id: string; kind: string; status: string; expiresOn: string | null; expiringSoon: boolean }[];
  followUpVisits: { months: number; dueOn: string; visitedAt: string | null; overdue: boolean }[];
  events: { kind: string; concerning: string | null }[];
}

let t: TestGateway;
const as: Record<string, GraphQLClient> = {};
let bdPartner: string;
let npPartner: string;

const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await TestGateway.start();
  const accounts = [
    'liaison@newlight.demo',
    'caseworker@newlight.demo',
    'liaison@bd-partner.demo',
    'viewer@bd-partner.demo',
    'liaison@mahima.demo',
    'caseworker@mahima.demo',
    'liaison@np-partner.demo',
    'liaison@jkps.demo',
    'liaison@cwc-kolkata.demo',
    'admin@cwc-kolkata.demo',
  ];
  const clients = await Promise.all(accounts.map((email) => t.signIn(email)));
  accounts.forEach((email, index) => (as[email] = clients[index] as GraphQLClient));
  bdPartner = await organisationId(t, 'BD-PARTNER');
  npPartner = await organisationId(t, 'NP-PARTNER');
});
afterAll(() => t.close());

const c = (email: string): GraphQLClient => as[email] as GraphQLClient;
const milestone = (view: CaseView, kind: string) => view.milestones.find((m) => m.kind === kind);

async function openCase(home: 'newlight' | 'mahima', counterpart: string, name: string): Promise<CaseView> {
  const subject = await registerSubject(c(`caseworker@${home}.demo`), {
    fullName: name,
    age: 15,
    nationality: home === 'newlight' ? 'BD' : 'NP',
  });
  const { recordConsent } = await c(`caseworker@${home}.demo`).data<{ recordConsent: { id: string } }>(RECORD_CONSENT, {
    input: {
      subjectId: subject.id,
      grantedToOrganisationId: counterpart,
      purpose: 'REPATRIATION',
      givenBy: 'CHILD_WELFARE_COMMITTEE',
    },
  });
  const { openRepatriationCase } = await c(`liaison@${home}.demo`).data<{ openRepatriationCase: CaseView }>(OPEN, {
    input: {
      subjectId: subject.id,
      counterpartOrganisationId: counterpart,
      destinationCountry: home === 'newlight' ? 'bd' : 'NP',
      destinationRegion: home === 'newlight' ? 'Khulna' : 'Sindhupalchok',
      borderPoint: home === 'newlight' ? 'Petrapole-Benapole' : 'Raxaul-Birgunj',
      consentId: recordConsent.id,
    },
  });
  return openRepatriationCase;
}

async function step(
  client: GraphQLClient,
  caseId: string,
  kind: string,
  status = 'DONE',
  extra: Record<string, unknown> = {},
): Promise<CaseView> {
  return (await client.data<{ updateMilestone: CaseView }>(UPDATE, { input: { caseId, kind, status, ...extra } }))
    .updateMilestone;
}

describe('repatriation cases across the border', () => {
  it('carries the Khulna case from New Light to BD-PARTNER, and a Nepal case alongside without cross-talk', async () => {
    const watchBd = c('liaison@bd-partner.demo').subscriptions();
    const bdUpdates = watchBd.subscribe<{
      repatriationCaseUpdated: { reason: string; milestone: string | null; case: { id: string } };
    }>(`subscription { repatriationCaseUpdated { reason milestone document case { id } } }`);
    const watchNl = c('liaison@newlight.demo').subscriptions();
    const nlUpdates = watchNl.subscribe<{
      repatriationCaseUpdated: { reason: string; milestone: string | null; case: { id: string } };
    }>(`subscription { repatriationCaseUpdated { reason milestone document case { id } } }`);
    await Promise.all([watchBd.connected(), watchNl.connected()]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    try {
      const khulna = await openCase('newlight', bdPartner, 'Nasima Demo-Fictional');
      const nepal = await openCase('mahima', npPartner, 'Pemba Demo-Fictional');
      expect(khulna.code).toMatch(/^NEWLIGHT-RP-\d{4}-\d{4}$/);
      expect(khulna).toMatchObject({ status: 'OPEN', counterpartOrganisation: { shortName: 'BD-PARTNER' } });
      expect(khulna.milestones.map((m) => m.kind)).toEqual([
        'IDENTIFIED',
        'VOLUNTARINESS_ASSESSED',
        'NATIONALITY_VERIFICATION_REQUESTED',
        'NATIONALITY_VERIFIED',
        'FAMILY_TRACED',
        'HOME_INVESTIGATION_REPORT',
        'FAMILY_RISK_ASSESSED',
        'REPATRIATION_ORDER',
        'CLEARANCES',
        'TRAVEL_PERMIT',
        'ESCORT_ARRANGED',
        'HANDED_OVER',
        'REUNIFIED',
        'FOLLOW_UP',
      ]);
      expect(khulna.milestones.filter((m) => m.status === 'DONE').map((m) => m.kind)).toEqual(['IDENTIFIED']);

      // BD-PARTNER sees the case and, under the REPATRIATION consent, her identity.
      const seenByBd = await c('liaison@bd-partner.demo').data<{ repatriationCase: CaseView }>(CASE, { id: khulna.id });
      expect(seenByBd.repatriationCase.subject.identity?.fullName).toBe('Nasima Demo-Fictional');

      const nl = c('liaison@newlight.demo');
      const bd = c('liaison@bd-partner.demo');
      let view = await step(nl, khulna.id, 'VOLUNTARINESS_ASSESSED', 'DONE', {
        note: 'She wants to go home; best-interest assessment done.',
      });
      expect(view.status).toBe('IN_PROGRESS');
      await step(nl, khulna.id, 'NATIONALITY_VERIFICATION_REQUESTED', 'DONE', {
        note: 'Requested via the High Commission.',
      });

      // A blocked step: family tracing cannot be done before nationality is verified.
      const before = await t.snapshot();
      const blocked = await bd.error(UPDATE, { input: { caseId: khulna.id, kind: 'FAMILY_TRACED', status: 'DONE' } });
      expect(blocked.extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        status: 'PENDING',
        blockingStep: 'NATIONALITY_VERIFIED',
      });
      expect(await t.snapshot()).toEqual(before);

      view = await step(bd, khulna.id, 'NATIONALITY_VERIFIED');
      expect((await nlUpdates.next()).data?.repatriationCaseUpdated).toMatchObject({
        reason: 'STEP_COMPLETED',
        milestone: 'NATIONALITY_VERIFIED',
        case: { id: khulna.id },
      });
      await step(bd, khulna.id, 'FAMILY_TRACED');
      await step(bd, khulna.id, 'HOME_INVESTIGATION_REPORT');
      await step(bd, khulna.id, 'FAMILY_RISK_ASSESSED', 'DONE', { note: 'No relative involved in the trafficking.' });
      await step(nl, khulna.id, 'REPATRIATION_ORDER');

      // A travel permit that expires in three weeks: flagged, and both sides are told once.
      view = (
        await nl.data<{ recordDocument: CaseView }>(DOCUMENT, {
          input: {
            caseId: khulna.id,
            kind: 'TRAVEL_PERMIT',
            status: 'RECEIVED',
            issuer: 'Fictional Issuing Office',
            reference: 'TP-0001',
            issuedOn: day(-5),
            expiresOn: day(21),
          },
        })
      ).recordDocument;
      expect(view.documents).toEqual([
        expect.objectContaining({ kind: 'TRAVEL_PERMIT', status: 'RECEIVED', expiringSoon: true }),
      ]);
      expect(await t.noticeExpiringDocuments()).toBe(1);
      expect(await t.noticeExpiringDocuments()).toBe(0);
      // BD-PARTNER has been told of each step New Light completed; the expiry notice comes after them.
      const toldBd: { reason: string; milestone: string | null }[] = [];
      for (;;) {
        const update = (await bdUpdates.next()).data?.repatriationCaseUpdated;
        if (!update) throw new Error('no update');
        toldBd.push(update);
        if (update.reason === 'DOCUMENT_EXPIRING') break;
      }
      expect(toldBd.filter((u) => u.reason === 'STEP_COMPLETED').map((u) => u.milestone)).toEqual([
        'VOLUNTARINESS_ASSESSED',
        'NATIONALITY_VERIFICATION_REQUESTED',
        'REPATRIATION_ORDER',
      ]);

      // On hold while the family's safety is checked again, then resumed where it stood.
      view = (
        await nl.data<{ holdRepatriationCase: CaseView }>(HOLD, {
          id: khulna.id,
          reason: 'Threat reported against the family; safety check.',
        })
      ).holdRepatriationCase;
      expect(view).toMatchObject({
        status: 'ON_HOLD',
        statusReason: 'Threat reported against the family; safety check.',
      });
      const frozen = await t.snapshot();
      expect(
        (await bd.error(UPDATE, { input: { caseId: khulna.id, kind: 'REUNIFIED', status: 'IN_PROGRESS' } })).extensions,
      ).toMatchObject({
        code: 'INVALID_TRANSITION',
        status: 'ON_HOLD',
      });
      expect(await t.snapshot()).toEqual(frozen);
      view = (await nl.data<{ resumeRepatriationCase: CaseView }>(RESUME, { id: khulna.id })).resumeRepatriationCase;
      expect(view).toMatchObject({ status: 'IN_PROGRESS', statusReason: null });

      await step(nl, khulna.id, 'CLEARANCES', 'NOT_APPLICABLE', { note: 'No court case pending.' });
      await step(nl, khulna.id, 'TRAVEL_PERMIT');
      await step(nl, khulna.id, 'ESCORT_ARRANGED');
      view = await step(nl, khulna.id, 'HANDED_OVER', 'DONE', {
        note: 'Handed over at Petrapole-Benapole with a memo.',
      });
      expect(view.status).toBe('HANDED_OVER');
      expect(view.followUpVisits.map((v) => v.months)).toEqual([1, 3, 6, 12]);
      expect(milestone(view, 'FOLLOW_UP')?.dueOn).toBe(view.followUpVisits[3]?.dueOn);

      view = await step(bd, khulna.id, 'REUNIFIED');
      expect(view.status).toBe('FOLLOW_UP');
      for (const months of [1, 3, 6]) await bd.data(VISIT, { id: khulna.id, months });
      view = (await bd.data<{ recordFollowUpVisit: CaseView }>(VISIT, { id: khulna.id, months: 12 }))
        .recordFollowUpVisit;
      expect(view.status).toBe('CLOSED');
      expect(milestone(view, 'FOLLOW_UP')?.status).toBe('DONE');

      const audit = await t.sql<{ action: string }>(`SELECT DISTINCT action FROM audit_event WHERE entity_id = $1`, [
        khulna.id,
      ]);
      expect(audit.map((a) => a.action).sort()).toEqual(
        [
          'REPATRIATION_DOCUMENT_EXPIRING',
          'REPATRIATION_DOCUMENT_RECORDED',
          'REPATRIATION_FOLLOW_UP_VISITED',
          'REPATRIATION_MILESTONE_UPDATED',
          'REPATRIATION_OPENED',
          'REPATRIATION_STATUS_CHANGED',
        ].sort(),
      );

      // The Nepal case went on untouched, and neither side sees the other's case.
      const nepalNow = await c('liaison@mahima.demo').data<{ repatriationCase: CaseView }>(CASE, { id: nepal.id });
      expect(nepalNow.repatriationCase).toMatchObject({ status: 'OPEN', events: [{ kind: 'OPENED' }] });
      const npList = await c('liaison@np-partner.demo').data<{ repatriationCases: CaseView[] }>(CASES, {});
      expect(npList.repatriationCases.map((x) => x.id)).toEqual([nepal.id]);
      const bdList = await bd.data<{ repatriationCases: CaseView[] }>(CASES, {});
      expect(bdList.repatriationCases.map((x) => x.id)).toEqual([khulna.id]);
      expect((await c('liaison@np-partner.demo').error(CASE, { id: khulna.id })).extensions?.['code']).toBe(
        'NOT_FOUND',
      );
    } finally {
      bdUpdates.stop();
      nlUpdates.stop();
      await Promise.all([watchBd.close(), watchNl.close()]);
    }
  });

  it('refuses JKPS and CWC-KOLKATA on both cases, as if they did not exist, and writes nothing', async () => {
    const khulna = await openCase('newlight', bdPartner, 'Rokeya Demo-Fictional');
    const nepal = await openCase('mahima', npPartner, 'Dolma Demo-Fictional');
    for (const outsider of ['liaison@jkps.demo', 'liaison@cwc-kolkata.demo', 'admin@cwc-kolkata.demo']) {
      for (const id of [khulna.id, nepal.id]) {
        const before = await t.snapshot();
        expect((await c(outsider).error(CASE, { id })).extensions?.['code']).toBe('NOT_FOUND');
        expect(
          (await c(outsider).error(UPDATE, { input: { caseId: id, kind: 'VOLUNTARINESS_ASSESSED', status: 'DONE' } }))
            .extensions?.['code'],
        ).toBe('NOT_FOUND');
        expect(
          (await c(outsider).error(DOCUMENT, { input: { caseId: id, kind: 'CWC_ORDER', status: 'REQUESTED' } }))
            .extensions?.['code'],
        ).toBe('NOT_FOUND');
        expect((await c(outsider).error(HOLD, { id, reason: 'x' })).extensions?.['code']).toBe('NOT_FOUND');
        expect(await t.snapshot()).toEqual(before);
      }
      const list = await c(outsider).data<{ repatriationCases: CaseView[] }>(CASES, {});
      expect(list.repatriationCases.map((x) => x.id)).not.toEqual(expect.arrayContaining([khulna.id]));
      expect(list.repatriationCases.map((x) => x.id)).not.toEqual(expect.arrayContaining([nepal.id]));
    }
  });
});

describe('refused repatriation updates leave milestones, documents, events and audit as they were', () => {
  let khulna: CaseView;
  beforeAll(async () => {
    khulna = await openCase('newlight', bdPartner, 'Sultana Demo-Fictional');
  });

  const refusals: {
    name: string;
    as: string;
    op: string;
    vars: () => Record<string, unknown>;
    code: string;
    extensions?: object;
  }[] = [
    {
      name: 'the counterpart updating a home step',
      as: 'liaison@bd-partner.demo',
      op: UPDATE,
      vars: () => ({ input: { caseId: khulna.id, kind: 'VOLUNTARINESS_ASSESSED', status: 'DONE' } }),
      code: 'FORBIDDEN',
    },
    {
      name: "the counterpart's viewer updating its own step",
      as: 'viewer@bd-partner.demo',
      op: UPDATE,
      vars: () => ({ input: { caseId: khulna.id, kind: 'FAMILY_TRACED', status: 'IN_PROGRESS' } }),
      code: 'FORBIDDEN',
    },
    {
      name: 'a caseworker (not a liaison) updating',
      as: 'caseworker@newlight.demo',
      op: UPDATE,
      vars: () => ({ input: { caseId: khulna.id, kind: 'VOLUNTARINESS_ASSESSED', status: 'DONE' } }),
      code: 'FORBIDDEN',
    },
    {
      name: 'a step done out of order',
      as: 'liaison@newlight.demo',
      op: UPDATE,
      vars: () => ({ input: { caseId: khulna.id, kind: 'TRAVEL_PERMIT', status: 'DONE' } }),
      code: 'INVALID_TRANSITION',
      extensions: { blockingStep: 'VOLUNTARINESS_ASSESSED' },
    },
    {
      name: 'the counterpart putting the case on hold',
      as: 'liaison@bd-partner.demo',
      op: HOLD,
      vars: () => ({ id: khulna.id, reason: 'Not ours to decide.' }),
      code: 'FORBIDDEN',
    },
    {
      name: 'a hold without a reason',
      as: 'liaison@newlight.demo',
      op: HOLD,
      vars: () => ({ id: khulna.id, reason: ' ' }),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['reason'] },
    },
    {
      name: 'resuming a case that is not on hold',
      as: 'liaison@newlight.demo',
      op: RESUME,
      vars: () => ({ id: khulna.id }),
      code: 'INVALID_TRANSITION',
      extensions: { status: 'OPEN' },
    },
    {
      name: 'a document expiring before it was issued',
      as: 'liaison@newlight.demo',
      op: DOCUMENT,
      vars: () => ({
        input: {
          caseId: khulna.id,
          kind: 'NO_OBJECTION_CERTIFICATE',
          status: 'RECEIVED',
          issuedOn: day(0),
          expiresOn: day(-1),
        },
      }),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['input.expiresOn'] },
    },
    {
      name: 'a follow-up visit before handover',
      as: 'liaison@bd-partner.demo',
      op: VISIT,
      vars: () => ({ id: khulna.id, months: 1 }),
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a second open case for the same subject',
      as: 'liaison@newlight.demo',
      op: OPEN,
      vars: () => ({ input: { subjectId: khulnaSubjectId, destinationCountry: 'BD' } }),
      code: 'CONFLICT',
    },
    {
      name: 'a non-UUID case id',
      as: 'liaison@newlight.demo',
      op: UPDATE,
      vars: () => ({ input: { caseId: 'case-1', kind: 'FAMILY_TRACED', status: 'DONE' } }),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['input.caseId'] },
    },
  ];
  let khulnaSubjectId: string;
  beforeAll(async () => {
    const [row] = await t.sql<{ subject_id: string }>(`SELECT subject_id FROM repatriation_case WHERE id = $1`, [
      khulna.id,
    ]);
    khulnaSubjectId = row?.subject_id as string;
  });

  it.each(refusals)('$name', async ({ as: email, op, vars, code, extensions }) => {
    const before = await t.snapshot();
    const error = await c(email).error(op, vars());
    expect(error.extensions?.['code']).toBe(code);
    if (extensions) expect(error.extensions).toMatchObject(extensions);
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('the case list', () => {
  it('finds overdue cases, shows expired documents as EXPIRED, and costs the same SQL at 2 and 12 cases', async () => {
    const nl = c('liaison@newlight.demo');
    const overdue = await openCase('newlight', bdPartner, 'Jharna Demo-Fictional');
    await step(nl, overdue.id, 'VOLUNTARINESS_ASSESSED', 'IN_PROGRESS', { dueOn: day(-3) });
    await nl.data(DOCUMENT, {
      input: { caseId: overdue.id, kind: 'CWC_ORDER', status: 'VERIFIED', issuedOn: day(-400), expiresOn: day(-2) },
    });

    const { repatriationCases } = await nl.data<{ repatriationCases: CaseView[] }>(CASES, { overdueOnly: true });
    expect(repatriationCases.map((x) => x.id)).toEqual([overdue.id]);
    expect(repatriationCases[0]).toMatchObject({ hasOverdue: true });
    expect(milestone(repatriationCases[0] as CaseView, 'VOLUNTARINESS_ASSESSED')).toMatchObject({ overdue: true });
    expect(repatriationCases[0]?.documents[0]).toMatchObject({ status: 'EXPIRED', expiringSoon: false });

    const mahima = c('liaison@mahima.demo');
    const statements = async (): Promise<{ count: number; cases: number }> => {
      const response = await mahima.request<{ repatriationCases: CaseView[] }>(CASES, {});
      expect(response.errors).toBeUndefined();
      return {
        count: response.extensions?.['sqlStatements'] as number,
        cases: response.data?.repatriationCases.length ?? 0,
      };
    };
    const small = await statements();
    for (let i = 0; i < 10; i++) await openCase('mahima', npPartner, `Case ${i} Demo-Fictional`);
    const large = await statements();
    expect(large.cases - small.cases).toBe(10);
    expect(large.count).toBe(small.count);
  });
});
