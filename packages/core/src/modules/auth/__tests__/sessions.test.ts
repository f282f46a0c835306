import { TestGateway, type GraphQLClient } from '@sahayog/testing';

const LOGIN = `mutation($email: String!) {
  login(email: $email, password: "sahayog-demo") { accessToken expiresAt refreshToken refreshExpiresAt }
}`;
const REFRESH = `mutation($token: String!) {
  refreshSession(refreshToken: $token) { accessToken expiresAt refreshToken user { email } }
}`;
const ME = `{ me { email } }`;

interface Tokens {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

let t: TestGateway;

beforeAll(async () => {
  t = await TestGateway.start({ accessTokenTtlSeconds: 900 });
});
afterAll(() => t.close());

const signIn = async (email: string): Promise<Tokens> =>
  (await t.anonymous().data<{ login: Tokens }>(LOGIN, { email })).login;
const code = async (client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<unknown> =>
  (await client.error(query, variables)).extensions?.['code'];

describe('sessions', () => {
  it('gives short-lived access tokens and a refresh token that works once', async () => {
    const first = await signIn('caseworker@jkps.demo');
    const lifetime = new Date(first.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeLessThanOrEqual(900_000);
    expect(new Date(first.refreshExpiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const { refreshSession } = await t
      .anonymous()
      .data<{ refreshSession: Tokens & { user: { email: string } } }>(REFRESH, {
        token: first.refreshToken,
      });
    expect(refreshSession.user.email).toBe('caseworker@jkps.demo');
    expect(refreshSession.refreshToken).not.toBe(first.refreshToken);
    expect(await t.withToken(refreshSession.accessToken).data(ME)).toEqual({ me: { email: 'caseworker@jkps.demo' } });
    const [audited] = await t.sql(`SELECT action FROM audit_event ORDER BY id DESC LIMIT 1`);
    expect(audited).toEqual({ action: 'SESSION_REFRESHED' });

    const before = await t.snapshot();
    expect(await code(t.anonymous(), REFRESH, { token: first.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await code(t.anonymous(), REFRESH, { token: 'made-up' })).toBe('UNAUTHENTICATED');
    expect(await t.snapshot()).toEqual(before);
  });

  it('ends a session on sign-out: its access token is refused on the next request, its refresh token too', async () => {
    const tokens = await signIn('coordinator@mahima.demo');
    const other = await signIn('coordinator@mahima.demo');
    const client = t.withToken(tokens.accessToken);
    expect(await client.data(`mutation { signOut }`)).toEqual({ signOut: true });
    expect(await code(client, ME)).toBe('UNAUTHENTICATED');
    expect(await code(t.anonymous(), REFRESH, { token: tokens.refreshToken })).toBe('UNAUTHENTICATED');
    // Another device's session of the same person goes on.
    expect(await t.withToken(other.accessToken).data(ME)).toEqual({ me: { email: 'coordinator@mahima.demo' } });
    const [entry] = await t.sql(`SELECT action FROM audit_event ORDER BY id DESC LIMIT 1`);
    expect(entry).toEqual({ action: 'LOGOUT' });
  });

  it('refuses to renew the session of a disabled user, or one past its lifetime', async () => {
    const viewer = await signIn('viewer@newlight.demo');
    await t.sql(`UPDATE app_user SET active = false WHERE email = 'viewer@newlight.demo'`);
    expect(await code(t.anonymous(), REFRESH, { token: viewer.refreshToken })).toBe('UNAUTHENTICATED');

    const liaison = await signIn('liaison@newlight.demo');
    t.clock.advance(31 * 86_400_000);
    expect(await code(t.anonymous(), REFRESH, { token: liaison.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await code(t.withToken(liaison.accessToken), ME)).toBe('UNAUTHENTICATED');
  });
});
