import { TestGateway, type GraphQLClient } from '@sahayog/testing';

const INTROSPECTION = `{ __schema { queryType { name } } }`;

describe.each([
  { mode: 'production', production: true },
  { mode: 'development', production: false },
])('what the gateway shows in $mode', ({ production }) => {
  let t: TestGateway;
  let viewer: GraphQLClient;

  beforeAll(async () => {
    t = await TestGateway.start({ production, corsOrigins: ['https://dashboard.sahayog.example'] });
    viewer = await t.signIn('viewer@jkps.demo');
  });
  afterAll(() => t.close());

  it(
    production ? 'refuses introspection and field suggestions' : 'allows introspection and suggests fields',
    async () => {
      const introspection = await viewer.request(INTROSPECTION);
      const typo = await viewer.error(`{ organisatons { id } }`);
      expect(typo.extensions?.['code']).toBe('BAD_USER_INPUT');
      if (production) {
        expect(introspection.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
        expect(typo.message).not.toMatch(/Did you mean/);
      } else {
        expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
        expect(typo.message).toMatch(/Did you mean "organisations"/);
      }
    },
  );

  it('sends security headers and allows only the configured origin', async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(t.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://dashboard.sahayog.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.sahayog.example');
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age/);
  });

  it('caps aliases before executing anything', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: me { id }`).join(' ');
    const response = await viewer.request(`{ ${aliases} }`);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
  });
});
