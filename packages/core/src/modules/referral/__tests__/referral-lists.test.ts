import {
  ACCEPT,
  CREATE_REFERRAL,
  TestGateway,
  organisationId,
  registerSubject,
  unitIn,
  type GraphQLClient,
  type ReferralView,
} from '@sahayog/testing';

const PAGE = `query Page($filter: ReferralFilter, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id code status createdAt
      subject { code age identity { fullName } organisation { shortName } }
      fromOrganisation { shortName } toOrganisation { shortName } toFacility { name }
      heldUnit { name available facility { name } }
      events { status actor { displayName } organisation { shortName } }
    } }
  }
}`;

interface Page {
  referrals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; status: string; createdAt: string } }[];
  };
}

let t: TestGateway;
let jkpsCaseworker: GraphQLClient;
let newlightCaseworker: GraphQLClient;
let mahimaCoordinator: GraphQLClient;

async function refer(client: GraphQLClient, to: string): Promise<ReferralView> {
  const subject = await registerSubject(client);
  return (
    await client.data<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
      input: {
        subjectId: subject.id,
        toOrganisationId: to,
        needs: ['SHELTER', 'MEDICAL'],
        urgency: 'ROUTINE',
        summary: 'Listed.',
      },
    })
  ).createReferral;
}

beforeAll(async () => {
  t = await TestGateway.start();
  [jkpsCaseworker, newlightCaseworker, mahimaCoordinator] = await Promise.all([
    t.signIn('caseworker@jkps.demo'),
    t.signIn('caseworker@newlight.demo'),
    t.signIn('coordinator@mahima.demo'),
  ]);
  const mahima = await organisationId(t, 'MAHIMA');
  for (let i = 0; i < 12; i++) await refer(jkpsCaseworker, mahima);
  for (let i = 0; i < 5; i++) await refer(newlightCaseworker, mahima);
  const unit = await unitIn(t, 'Mahima Umeed');
  const first = await mahimaCoordinator.data<Page>(PAGE, { first: 1 });
  await mahimaCoordinator.data(ACCEPT, { id: first.referrals.edges[0]?.node.id, unitId: unit.id });
});
afterAll(() => t.close());

describe('referral lists', () => {
  it('separate inbox and outbox, filter by status, and count', async () => {
    const inbox = await mahimaCoordinator.data<Page>(PAGE, { filter: { box: 'INBOX' } });
    expect(inbox.referrals.totalCount).toBe(17);
    const jkpsOutbox = await jkpsCaseworker.data<Page>(PAGE, { filter: { box: 'OUTBOX' } });
    expect(jkpsOutbox.referrals.totalCount).toBe(12);
    const jkpsInbox = await jkpsCaseworker.data<Page>(PAGE, { filter: { box: 'INBOX' } });
    expect(jkpsInbox.referrals.totalCount).toBe(0);
    const accepted = await mahimaCoordinator.data<Page>(PAGE, { filter: { status: ['ACCEPTED'] } });
    expect(accepted.referrals.edges.map((e) => e.node.status)).toEqual(['ACCEPTED']);
    // NEWLIGHT sees only its own five, never JKPS's.
    const newlight = await newlightCaseworker.data<Page>(PAGE, {});
    expect(newlight.referrals.totalCount).toBe(5);
  });

  it('counts each status of a box for its tabs, equal to the filtered lists and blind to other organisations', async () => {
    const COUNTS = `query Counts($box: ReferralBox) { referralCounts(box: $box) { status count } }`;
    type Counts = { referralCounts: { status: string; count: number }[] };
    const inbox = await mahimaCoordinator.data<Counts>(COUNTS, { box: 'INBOX' });
    const byStatus = Object.fromEntries(inbox.referralCounts.map(({ status, count }) => [status, count]));
    expect(byStatus).toEqual({
      DRAFT: 0,
      SUBMITTED: 16,
      ACCEPTED: 1,
      DECLINED: 0,
      WITHDRAWN: 0,
      COMPLETED: 0,
      CANCELLED: 0,
      EXPIRED: 0,
    });
    for (const [client, box] of [
      [jkpsCaseworker, 'OUTBOX'],
      [newlightCaseworker, 'OUTBOX'],
      [newlightCaseworker, 'INBOX'],
      [mahimaCoordinator, null],
    ] as const) {
      const counts = (await client.data<Counts>(COUNTS, { box })).referralCounts;
      for (const { status, count } of counts) {
        const list = await client.data<Page>(PAGE, { filter: { box, status: [status] }, first: 1 });
        expect({ box, status, count }).toEqual({ box, status, count: list.referrals.totalCount });
      }
    }
    const newlightInbox = (await newlightCaseworker.data<Counts>(COUNTS, { box: 'INBOX' })).referralCounts;
    expect(newlightInbox.every(({ count }) => count === 0)).toBe(true);
  });

  it('pages newest first with cursors that stay stable when new referrals arrive', async () => {
    const firstPage = await mahimaCoordinator.data<Page>(PAGE, { filter: { box: 'INBOX' }, first: 5 });
    expect(firstPage.referrals.edges).toHaveLength(5);
    expect(firstPage.referrals.pageInfo.hasNextPage).toBe(true);
    const times = firstPage.referrals.edges.map((e) => e.node.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    await refer(jkpsCaseworker, await organisationId(t, 'MAHIMA'));

    const seen = new Set(firstPage.referrals.edges.map((e) => e.node.id));
    let after = firstPage.referrals.pageInfo.endCursor;
    for (;;) {
      const page: Page = await mahimaCoordinator.data<Page>(PAGE, { filter: { box: 'INBOX' }, first: 5, after });
      // Every page counts the whole box, the new referral included.
      expect(page.referrals.totalCount).toBe(18);
      for (const edge of page.referrals.edges) {
        expect(seen.has(edge.node.id)).toBe(false);
        seen.add(edge.node.id);
      }
      after = page.referrals.pageInfo.endCursor;
      if (!page.referrals.pageInfo.hasNextPage) break;
    }
    expect(seen.size).toBe(17);
    const pastTheEnd = await mahimaCoordinator.data<Page>(PAGE, { filter: { box: 'INBOX' }, first: 5, after });
    expect(pastTheEnd.referrals).toMatchObject({ edges: [], totalCount: 18, pageInfo: { hasNextPage: false } });
  });

  it('caps a page at 100 and refuses a page of none or a forged cursor', async () => {
    const big = await mahimaCoordinator.data<Page>(PAGE, { first: 500 });
    expect(big.referrals.edges.length).toBeLessThanOrEqual(100);
    expect((await mahimaCoordinator.error(PAGE, { first: 0 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['first'],
    });
    expect((await mahimaCoordinator.error(PAGE, { after: 'bm90LWEtY3Vyc29y' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['after'],
    });
  });

  it('costs the same number of SQL statements for a page of 2 and a page of 17', async () => {
    const statements = async (first: number): Promise<number> => {
      const response = await mahimaCoordinator.request<Page>(PAGE, { first });
      expect(response.errors).toBeUndefined();
      expect(response.data?.referrals.edges).toHaveLength(first);
      return response.extensions?.['sqlStatements'] as number;
    };
    const small = await statements(2);
    expect(await statements(17)).toBe(small);
  });

  it("brings each referral's events along in the page's statement, the same events as the referral's own", async () => {
    const LIST = `query List($first: Int) {
      referrals(filter: { box: INBOX }, first: $first) { edges { node { id ...Timeline } } }
    }
    fragment Timeline on Referral { events { id at status note } }`;
    const ONE = `query One($id: ID!) { referral(id: $id) { events { id at status note } } }`;
    type Timeline = { id: string; at: string; status: string; note: string | null }[];
    const listed = await mahimaCoordinator.request<{
      referrals: { edges: { node: { id: string; events: Timeline } }[] };
    }>(LIST, { first: 17 });
    expect(listed.errors).toBeUndefined();
    const edges = listed.data?.referrals.edges ?? [];
    expect(edges).toHaveLength(17);
    expect(edges.some((edge) => edge.node.events.length > 1)).toBe(true);
    for (const { node } of edges) {
      const own = await mahimaCoordinator.data<{ referral: { events: Timeline } }>(ONE, { id: node.id });
      expect(node.events).toEqual(own.referral.events);
    }
    // Without its events the page takes as many statements: they came with the page, not a query of their own.
    const withoutEvents = await mahimaCoordinator.request(
      `query List($first: Int) { referrals(filter: { box: INBOX }, first: $first) { edges { node { id } } } }`,
      { first: 17 },
    );
    expect(listed.extensions?.['sqlStatements']).toBe(withoutEvents.extensions?.['sqlStatements']);
  });
});
