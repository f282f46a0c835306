import { TestGateway, registerSubject, type GraphQLClient, type SubjectView } from '@sahayog/testing';

const SUBJECTS = `query Subjects($search: String, $first: Int, $after: String) {
  subjects(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id code sex age isMinor nationality organisation { shortName } } }
  }
}`;
const SUBJECTS_WITH_IDENTITY = `query { subjects(first: 3) { edges { node { code identity { fullName } } } } }`;

interface Page {
  subjects: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Omit<SubjectView, 'identity'> }[];
  };
}

let t: TestGateway;
let jkpsCaseworker: GraphQLClient;
let jkpsAdmin: GraphQLClient;
let jkpsViewer: GraphQLClient;
let mahimaCaseworker: GraphQLClient;
const jkpsCodes: string[] = [];

const readIdentityEntries = async (): Promise<number> =>
  Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE action = 'READ_IDENTITY'`))[0]?.n);

beforeAll(async () => {
  t = await TestGateway.start();
  [jkpsCaseworker, jkpsAdmin, jkpsViewer, mahimaCaseworker] = await Promise.all([
    t.signIn('caseworker@jkps.demo'),
    t.signIn('admin@jkps.demo'),
    t.signIn('viewer@jkps.demo'),
    t.signIn('caseworker@mahima.demo'),
  ]);
  for (let i = 0; i < 5; i++) jkpsCodes.unshift((await registerSubject(jkpsCaseworker, { age: 10 + i })).code);
  await registerSubject(mahimaCaseworker);
});
afterAll(() => t.close());

describe("the organisation's own subjects", () => {
  it('lists only the caller organisation’s subjects, newest first, in pages that add up', async () => {
    const first = await jkpsCaseworker.data<Page>(SUBJECTS, { first: 2 });
    const total = first.subjects.totalCount;
    expect(total).toBeGreaterThanOrEqual(5);
    expect(first.subjects.edges.map((edge) => edge.node.code)).toEqual(jkpsCodes.slice(0, 2));
    expect(first.subjects.pageInfo.hasNextPage).toBe(true);

    const seen = first.subjects.edges.map((edge) => edge.node);
    let cursor = first.subjects.pageInfo.endCursor;
    while (cursor) {
      const next = await jkpsCaseworker.data<Page>(SUBJECTS, { first: 2, after: cursor });
      seen.push(...next.subjects.edges.map((edge) => edge.node));
      cursor = next.subjects.pageInfo.hasNextPage ? next.subjects.pageInfo.endCursor : null;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((subject) => subject.code)).size).toBe(total);
    expect(seen.every((subject) => subject.organisation.shortName === 'JKPS')).toBe(true);

    const mahima = await mahimaCaseworker.data<Page>(SUBJECTS, {});
    expect(mahima.subjects.edges.every((edge) => edge.node.organisation.shortName === 'MAHIMA')).toBe(true);
    expect(mahima.subjects.edges.some((edge) => jkpsCodes.includes(edge.node.code))).toBe(false);
  });

  it('searches the pseudonym code only, taking wildcards literally', async () => {
    const code = jkpsCodes[0] as string;
    const exact = await jkpsAdmin.data<Page>(SUBJECTS, { search: ` ${code.toLowerCase()} ` });
    expect(exact.subjects.edges.map((edge) => edge.node.code)).toEqual([code]);
    expect(exact.subjects.totalCount).toBe(1);
    // Names are sealed: a name is no search term, and a wildcard matches nothing rather than everything.
    for (const search of ['Rupa', '%', '_']) {
      expect((await jkpsCaseworker.data<Page>(SUBJECTS, { search })).subjects.totalCount).toBe(0);
    }
    const otherOrganisation = await mahimaCaseworker.data<Page>(SUBJECTS, { search: code });
    expect(otherOrganisation.subjects.totalCount).toBe(0);
  });

  it('opens no identity unless asked, and audits each one it opens', async () => {
    const before = await readIdentityEntries();
    await jkpsCaseworker.data<Page>(SUBJECTS, { first: 5 });
    expect(await readIdentityEntries()).toBe(before);

    const named = await jkpsCaseworker.data<{ subjects: { edges: { node: { identity: { fullName: string } } }[] } }>(
      SUBJECTS_WITH_IDENTITY,
    );
    expect(named.subjects.edges.every((edge) => edge.node.identity.fullName.length > 0)).toBe(true);
    expect(await readIdentityEntries()).toBe(before + 3);
  });

  it.each([
    { name: 'a role that neither refers nor records consent', caller: () => jkpsViewer, vars: {}, code: 'FORBIDDEN' },
    {
      name: 'an over-long search',
      caller: () => jkpsCaseworker,
      vars: { search: 'J'.repeat(51) },
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a cursor it did not give out',
      caller: () => jkpsCaseworker,
      vars: { after: 'bm9wZQ' },
      code: 'BAD_USER_INPUT',
    },
    { name: 'an empty page', caller: () => jkpsCaseworker, vars: { first: 0 }, code: 'BAD_USER_INPUT' },
  ])('refuses $name and writes nothing', async ({ caller, vars, code }) => {
    const before = await t.snapshot();
    const error = await caller().error(SUBJECTS, vars);
    expect(error.extensions?.['code']).toBe(code);
    expect(await t.snapshot()).toEqual(before);
  });
});
