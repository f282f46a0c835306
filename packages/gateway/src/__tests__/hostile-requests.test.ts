import { randomUUID } from 'node:crypto';
import { CREATE_SUBJECT, TestGateway, registerSubject, type GraphQLClient } from '@sahayog/testing';

let t: TestGateway;
let coordinator: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  coordinator = await t.signIn('coordinator@mahima.demo');
});
afterAll(() => t.close());

function nested(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level++) {
    selection =
      level % 2 === 0 ? `organisation { facilities { ${selection} } }` : `facilities { organisation { ${selection} } }`;
  }
  return `{ facilities { ${selection} } }`;
}

describe('hostile and malformed requests', () => {
  it('answers a malformed JSON body with HTTP 400 and a coded error, no stack trace', async () => {
    const before = await t.snapshot();
    const response = await coordinator.post('{"query": "{ me { id } "');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a query nested 20 levels deep before executing anything', async () => {
    const response = await coordinator.request(nested(10));
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/depth|cost/i);
    // Only the request's own sign-in check ran, as for a query that reads nothing: no resolver ran.
    const baseline = await coordinator.request(`{ __typename }`);
    expect(response.extensions?.['sqlStatements']).toBe(baseline.extensions?.['sqlStatements']);
  });

  it('refuses an oversized body', async () => {
    const response = await coordinator.post(
      JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(300_000) } }),
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${t.url}?query=${encodeURIComponent('{ organisations { id } }')}`, { method: 'GET' });
    expect(response.status).toBe(400);
  });

  it('codes unknown fields and bad variables as BAD_USER_INPUT', async () => {
    expect((await coordinator.error(`{ organisations { passwordHash } }`)).extensions?.['code']).toBe('BAD_USER_INPUT');
    expect((await coordinator.error(`query($id: ID!) { facility(id: $id) { id } }`, {})).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['id'],
    });
    const badDate = await coordinator.error(`query($filter: BedSearch) { bedAvailability(filter: $filter) { id } }`, {
      filter: { age: 'ten' },
    });
    expect(badDate.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.age'] });
  });

  // The fuzz test's counterexample (seed 249866561): a NUL byte in the sign-in email reached PostgreSQL, which
  // refuses NUL in text, and came back as INTERNAL_SERVER_ERROR.
  it('refuses text that cannot be stored, in any argument and through either transport of a value, and writes nothing', async () => {
    const caseworker = await t.signIn('caseworker@jkps.demo');
    const before = await t.snapshot();
    const login = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;
    const nul = await t.anonymous().error(login, { email: '\u0000', password: 'irrelevant' });
    expect(nul.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['email'], reason: 'UNSTORABLE_TEXT' });
    const literal = await t
      .anonymous()
      .error(`mutation { login(email: "a\\u0000b@demo", password: "x") { accessToken } }`);
    expect(literal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['email'] });

    const input = { sex: 'FEMALE', age: 9, nationality: 'IN', fullName: 'Mina Demo-Fictional' };
    const bell = await caseworker.error(CREATE_SUBJECT, { input: { ...input, homeAddress: 'Lane 4\u0007' } });
    expect(bell.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.homeAddress'] });
    const loneSurrogate = await caseworker.error(CREATE_SUBJECT, { input: { ...input, fullName: 'Mina \ud800' } });
    expect(loneSurrogate.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.fullName'] });
    expect(await t.snapshot()).toEqual(before);

    // Tabs, line breaks and text beyond the basic plane are text, not junk.
    const kept = await registerSubject(caseworker, { ...input, homeAddress: 'Lane 4,\r\n\tBasirhat 😀' });
    const read = await caseworker.data<{ subject: { identity: { homeAddress: string } } }>(
      `query($id: ID!) { subject(id: $id) { identity { homeAddress } } }`,
      { id: kept.id },
    );
    expect(read.subject.identity.homeAddress).toBe('Lane 4,\r\n\tBasirhat 😀');
  });

  it('codes a non-UUID id as BAD_USER_INPUT and an unknown one as NOT_FOUND', async () => {
    const bad = await coordinator.error(`{ facility(id: "42") { id } }`);
    expect(bad.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
    const missing = await coordinator.error(`query($id: ID!) { organisation(id: $id) { id } }`, { id: randomUUID() });
    expect(missing.extensions).toEqual({ code: 'NOT_FOUND' });
  });
});

describe('cost of a facility list', () => {
  const QUERY = `{ facilities { id name bedsAvailable units { id name available } organisation { id shortName } } }`;

  async function addFacilities(count: number): Promise<void> {
    const [org] = await t.sql<{ id: string }>(`SELECT id FROM organisation WHERE short_name = 'NEWLIGHT'`);
    await t.sql(
      `WITH f AS (
         INSERT INTO facility (organisation_id, name, kind, district, state, country, services)
         SELECT $1, 'Synthetic home ' || g, 'SHELTER_HOME', 'Kolkata', 'West Bengal', 'IN', '{SHELTER}'
           FROM generate_series(1, $2) g
         RETURNING id, organisation_id)
       INSERT INTO bed_unit (organisation_id, facility_id, name, sex, min_age, max_age, capacity, occupied)
       SELECT organisation_id, id, 'Girls 8-12', 'FEMALE', 8, 12, 10, 4 FROM f`,
      [org?.id, count],
    );
  }

  const statementsFor = async (): Promise<{ statements: number; facilities: number }> => {
    const response = await coordinator.request<{ facilities: unknown[] }>(QUERY);
    expect(response.errors).toBeUndefined();
    return {
      statements: response.extensions?.['sqlStatements'] as number,
      facilities: response.data?.facilities.length ?? 0,
    };
  };

  it('does not grow with the number of facilities (5 and 200)', async () => {
    await addFacilities(5);
    const small = await statementsFor();
    await addFacilities(195);
    const large = await statementsFor();
    expect(large.facilities - small.facilities).toBe(195);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(8);
  });
});
