import {
  ACCEPT,
  CANCEL,
  COMPLETE,
  CREATE_REFERRAL,
  DECLINE,
  RECORD_CONSENT,
  REFERRAL,
  WITHDRAW,
  WITHDRAW_CONSENT,
  TestGateway,
  facilityId,
  organisationId,
  registerSubject,
  unitIn,
  type GraphQLClient,
  type ReferralView,
} from '@sahayog/testing';

let t: TestGateway;
let jkps: Record<'caseworker' | 'viewer' | 'coordinator' | 'admin', GraphQLClient>;
let mahima: Record<'caseworker' | 'viewer' | 'coordinator' | 'admin', GraphQLClient>;
let newlight: Record<'caseworker' | 'coordinator' | 'admin', GraphQLClient>;
let network: GraphQLClient;
let mahimaId: string;
let newlightId: string;

const LIST = `query($box: ReferralBox) { referrals(filter: { box: $box }) { totalCount edges { node { id } } } }`;

beforeAll(async () => {
  t = await TestGateway.start();
  const signIn = (role: string, org: string): Promise<GraphQLClient> => t.signIn(`${role}@${org}.demo`);
  const [jc, jv, jco, ja, mc, mv, mco, ma, nc, nco, na, net] = await Promise.all([
    signIn('caseworker', 'jkps'),
    signIn('viewer', 'jkps'),
    signIn('coordinator', 'jkps'),
    signIn('admin', 'jkps'),
    signIn('caseworker', 'mahima'),
    signIn('viewer', 'mahima'),
    signIn('coordinator', 'mahima'),
    signIn('admin', 'mahima'),
    signIn('caseworker', 'newlight'),
    signIn('coordinator', 'newlight'),
    signIn('admin', 'newlight'),
    t.signIn('network@sahayog.demo'),
  ]);
  jkps = { caseworker: jc, viewer: jv, coordinator: jco, admin: ja } as typeof jkps;
  mahima = { caseworker: mc, viewer: mv, coordinator: mco, admin: ma } as typeof mahima;
  newlight = { caseworker: nc, coordinator: nco, admin: na } as typeof newlight;
  network = net as GraphQLClient;
  mahimaId = await organisationId(t, 'MAHIMA');
  newlightId = await organisationId(t, 'NEWLIGHT');
});
afterAll(() => t.close());

async function submitted(subjectInput: Record<string, unknown> = {}): Promise<ReferralView> {
  const subject = await registerSubject(jkps.caseworker, { fullName: 'Shabnam Demo-Fictional', ...subjectInput });
  return (
    await jkps.caseworker.data<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
      input: {
        subjectId: subject.id,
        toOrganisationId: mahimaId,
        needs: ['SHELTER'],
        urgency: 'URGENT',
        summary: 'Placement needed.',
      },
    })
  ).createReferral;
}

async function accepted(): Promise<ReferralView> {
  const referral = await submitted();
  const unit = await unitIn(t, 'Mahima Umeed');
  return (await mahima.coordinator.data<{ acceptReferral: ReferralView }>(ACCEPT, { id: referral.id, unitId: unit.id }))
    .acceptReferral;
}

describe('who sees a JKPS → MAHIMA referral', () => {
  it('is invisible to NEWLIGHT: read, list, accept and cancel all answer NOT_FOUND', async () => {
    const referral = await accepted();
    expect((await newlight.caseworker.error(REFERRAL, { id: referral.id })).extensions?.['code']).toBe('NOT_FOUND');
    const lists = await newlight.caseworker.data<{ referrals: { edges: { node: { id: string } }[] } }>(LIST, {});
    expect(lists.referrals.edges.map((e) => e.node.id)).not.toContain(referral.id);
    const before = await t.snapshot();
    expect((await newlight.coordinator.error(ACCEPT, { id: referral.id })).extensions?.['code']).toBe('NOT_FOUND');
    expect((await newlight.admin.error(CANCEL, { id: referral.id, reason: 'x' })).extensions?.['code']).toBe(
      'NOT_FOUND',
    );
    expect(
      (await newlight.caseworker.error(`query($id: ID!) { subject(id: $id) { id } }`, { id: referral.subject.id }))
        .extensions?.['code'],
    ).toBe('NOT_FOUND');
    expect(await t.snapshot()).toEqual(before);
  });

  it('shows MAHIMA the subject by pseudonym only, until consent is recorded, and again after it is withdrawn', async () => {
    const referral = await submitted({ fullName: 'Laila Demo-Fictional' });
    const identity = async (): Promise<unknown> =>
      (await mahima.caseworker.data<{ referral: ReferralView }>(REFERRAL, { id: referral.id })).referral.subject
        .identity;

    const pseudonymous = await mahima.caseworker.data<{ referral: ReferralView }>(REFERRAL, { id: referral.id });
    expect(pseudonymous.referral.subject).toMatchObject({
      code: referral.subject.code,
      sex: 'FEMALE',
      age: 10,
      identity: null,
    });
    const reads = `SELECT count(*)::int AS n FROM audit_event WHERE action = 'READ_IDENTITY' AND entity_id = $1 AND organisation_id = $2`;
    expect(await t.sql(reads, [referral.subject.id, mahimaId])).toEqual([{ n: 0 }]);

    const { recordConsent } = await jkps.caseworker.data<{ recordConsent: { id: string } }>(RECORD_CONSENT, {
      input: {
        subjectId: referral.subject.id,
        grantedToOrganisationId: mahimaId,
        purpose: 'REFERRAL',
        givenBy: 'GUARDIAN',
      },
    });
    expect(await identity()).toMatchObject({ fullName: 'Laila Demo-Fictional' });
    expect(await t.sql(reads, [referral.subject.id, mahimaId])).toEqual([{ n: 1 }]);

    await jkps.caseworker.data(WITHDRAW_CONSENT, { id: recordConsent.id });
    expect(await identity()).toBeNull();
    // The network administrator never sees an identity, and is no party to the referral at all.
    expect((await network.error(REFERRAL, { id: referral.id })).extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('refused actions leave referrals, events, holds and audit entries as they were', () => {
  type Refuse = () => Promise<{ extensions?: Record<string, unknown> }>;

  interface Refusal {
    name: string;
    /** Arranges what the refused call needs, and answers that call, not yet made. */
    arrange: () => Promise<Refuse>;
    code: string;
    extensions?: Record<string, unknown>;
  }

  const baseInput = async (overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
    const subject = await registerSubject(jkps.caseworker);
    return {
      subjectId: subject.id,
      toOrganisationId: mahimaId,
      needs: ['SHELTER'],
      urgency: 'ROUTINE',
      summary: 'Placement.',
      ...overrides,
    };
  };

  const create =
    (client: () => GraphQLClient, overrides: () => Promise<Record<string, unknown>> = async () => ({})) =>
    async (): Promise<Refuse> => {
      const input = await baseInput(await overrides());
      return () => client().error(CREATE_REFERRAL, { input });
    };

  const withConsent = (grantee: () => string, withdraw: boolean) => async (): Promise<Refuse> => {
    const input = await baseInput();
    const { recordConsent } = await jkps.caseworker.data<{ recordConsent: { id: string } }>(RECORD_CONSENT, {
      input: {
        subjectId: input['subjectId'],
        grantedToOrganisationId: grantee(),
        purpose: 'REFERRAL',
        givenBy: 'GUARDIAN',
      },
    });
    if (withdraw) await jkps.caseworker.data(WITHDRAW_CONSENT, { id: recordConsent.id });
    return () => jkps.caseworker.error(CREATE_REFERRAL, { input: { ...input, consentId: recordConsent.id } });
  };

  const on =
    (
      referral: () => Promise<ReferralView>,
      client: () => GraphQLClient,
      operation: string,
      variables: () => Promise<Record<string, unknown>> = async () => ({}),
    ) =>
    async (): Promise<Refuse> => {
      const { id } = await referral();
      const extra = await variables();
      return () => client().error(operation, { id, ...extra });
    };

  const unit = (facility: string) => async () => ({ unitId: (await unitIn(t, facility)).id });

  const refusals: Refusal[] = [
    {
      name: 'a coordinator creating a referral (wrong role)',
      arrange: create(() => jkps.coordinator),
      code: 'FORBIDDEN',
    },
    {
      name: 'an oversized summary',
      arrange: create(
        () => jkps.caseworker,
        async () => ({ summary: 'x'.repeat(5000) }),
      ),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['input.summary'] },
    },
    {
      name: 'empty needs',
      arrange: create(
        () => jkps.caseworker,
        async () => ({ needs: [] }),
      ),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['input.needs'] },
    },
    {
      name: 'referring to oneself',
      arrange: create(
        () => jkps.caseworker,
        async () => ({ toOrganisationId: await organisationId(t, 'JKPS') }),
      ),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['input.toOrganisationId'] },
    },
    {
      name: 'a facility of another organisation',
      arrange: create(
        () => jkps.caseworker,
        async () => ({ toFacilityId: await facilityId(t, 'New Light Rural Rescue Home') }),
      ),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['input.toFacilityId'] },
    },
    {
      name: 'a consent given to another organisation (bad consent)',
      arrange: withConsent(() => newlightId, false),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['input.consentId'] },
    },
    {
      name: 'a withdrawn consent (bad consent)',
      arrange: withConsent(() => mahimaId, true),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['input.consentId'] },
    },
    {
      name: 'a MAHIMA viewer accepting (wrong role)',
      arrange: on(submitted, () => mahima.viewer, ACCEPT),
      code: 'FORBIDDEN',
    },
    {
      name: 'the sender accepting its own referral (wrong side)',
      arrange: on(submitted, () => jkps.admin, ACCEPT),
      code: 'FORBIDDEN',
    },
    {
      name: 'the receiver withdrawing (wrong side)',
      arrange: on(submitted, () => mahima.caseworker, WITHDRAW),
      code: 'FORBIDDEN',
    },
    {
      name: 'completing a submitted referral (bad transition)',
      arrange: on(submitted, () => mahima.coordinator, COMPLETE),
      code: 'INVALID_TRANSITION',
      extensions: { status: 'SUBMITTED' },
    },
    {
      name: 'accepting twice (bad transition)',
      arrange: on(accepted, () => mahima.coordinator, ACCEPT),
      code: 'INVALID_TRANSITION',
      extensions: { status: 'ACCEPTED' },
    },
    {
      name: 'cancelling a submitted referral (bad transition)',
      arrange: on(
        submitted,
        () => jkps.caseworker,
        CANCEL,
        async () => ({ reason: 'No longer needed.' }),
      ),
      code: 'INVALID_TRANSITION',
      extensions: { status: 'SUBMITTED' },
    },
    {
      name: 'declining without a reason',
      arrange: on(
        submitted,
        () => mahima.coordinator,
        DECLINE,
        async () => ({ reason: '   ' }),
      ),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['reason'] },
    },
    {
      name: "a boys' unit for a girl (ineligible unit)",
      arrange: on(submitted, () => mahima.coordinator, ACCEPT, unit("Premanand Boys' Home")),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['unitId'] },
    },
    {
      name: 'a unit for older girls (ineligible unit)',
      arrange: on(submitted, () => mahima.coordinator, ACCEPT, unit('Mahima Umang')),
      code: 'BAD_USER_INPUT',
      extensions: { fields: ['unitId'] },
    },
    {
      name: 'a full unit (no capacity)',
      arrange: on(
        () => submitted({ age: 15 }),
        () => mahima.coordinator,
        ACCEPT,
        unit('Mahima Udaan'),
      ),
      code: 'NO_CAPACITY',
    },
    {
      name: "another organisation's unit",
      arrange: on(submitted, () => mahima.coordinator, ACCEPT, unit('New Light Kalighat Creche-cum-Shelter')),
      code: 'NOT_FOUND',
    },
  ];

  it.each(refusals)('$name', async ({ arrange, code, extensions }) => {
    const refuse = await arrange();
    const before = await t.snapshot();
    const error = await refuse();
    expect(error.extensions?.['code']).toBe(code);
    if (extensions) expect(error.extensions).toMatchObject(extensions);
    expect(await t.snapshot()).toEqual(before);
  });
});
