// The module's own exports object, so that a spy on it sees the gateway's calls.
import argon2 = require('@node-rs/argon2');
import { SignJWT } from 'jose';
import { TestGateway, type GraphQLClient } from '@sahayog/testing';

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken expiresAt user { email displayName roles organisation { shortName } } }
}`;
const ME = `{ me { email roles organisation { shortName } } }`;

let t: TestGateway;

beforeAll(async () => {
  t = await TestGateway.start({
    accessTokenTtlSeconds: 600,
    throttleLimits: { perAccount: 3, perAddress: 1000, windowSeconds: 600 },
  });
});
afterAll(() => t.close());

const codeOf = async (client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<unknown> =>
  (await client.error(query, variables)).extensions?.['code'];

describe('sign-in', () => {
  it('signs a demo coordinator in and answers me with their organisation and roles', async () => {
    const { login } = await t
      .anonymous()
      .data<{ login: { accessToken: string; expiresAt: string; user: object } }>(LOGIN, {
        email: 'Coordinator@Mahima.demo',
        password: 'sahayog-demo',
      });
    expect(login.user).toEqual({
      email: 'coordinator@mahima.demo',
      displayName: 'Priyanka Mistry',
      roles: ['SHELTER_COORDINATOR'],
      organisation: { shortName: 'MAHIMA' },
    });
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.withToken(login.accessToken).data(ME);
    expect(me).toEqual({
      me: { email: 'coordinator@mahima.demo', roles: ['SHELTER_COORDINATOR'], organisation: { shortName: 'MAHIMA' } },
    });
    const [entry] = await t.sql(`SELECT action FROM audit_event ORDER BY id DESC LIMIT 1`);
    expect(entry).toEqual({ action: 'LOGIN' });
  });

  it('answers an unknown account and a wrong password alike, recording only the failed attempt', async () => {
    const before = await t.snapshot();
    const unknown = await t.anonymous().error(LOGIN, { email: 'nobody@nowhere.demo', password: 'sahayog-demo' });
    const wrong = await t.anonymous().error(LOGIN, { email: 'viewer@jkps.demo', password: 'not-the-password' });
    expect(unknown.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect({ ...unknown, path: undefined }).toEqual({ ...wrong, path: undefined });

    const after = await t.snapshot();
    const { audit_event: auditBefore, ...restBefore } = before;
    const { audit_event: auditAfter, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    expect(auditAfter?.rows).toBe((auditBefore?.rows ?? 0) + 2);
    const failures = await t.sql(`SELECT action, detail FROM audit_event ORDER BY id DESC LIMIT 2`);
    expect(failures).toEqual([
      { action: 'LOGIN_FAILED', detail: {} },
      { action: 'LOGIN_FAILED', detail: {} },
    ]);
  });

  it('does the same work for an unknown account as for a wrong password: one argon2 verification each', async () => {
    // Equal work, not a stopwatch: timings on a shared test machine are noise, the number of
    // verifications is not. The decoy hash is made by the same function, with the same cost, as real ones.
    const verify = jest.spyOn(argon2, 'verify');
    try {
      await t.anonymous().error(LOGIN, { email: 'nobody@nowhere-else.demo', password: 'wrong-password' });
      const forUnknown = verify.mock.calls.length;
      verify.mockClear();
      await t.anonymous().error(LOGIN, { email: 'admin@np-partner.demo', password: 'wrong-password' });
      expect({ forUnknown, forWrongPassword: verify.mock.calls.length }).toEqual({
        forUnknown: 1,
        forWrongPassword: 1,
      });
    } finally {
      verify.mockRestore();
    }
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const email = 'liaison@bd-partner.demo';
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await codeOf(t.anonymous(), LOGIN, { email, password: `guess-${attempt}` })).toBe('UNAUTHENTICATED');
    }
    const before = await t.snapshot();
    const locked = await t.anonymous().error(LOGIN, { email, password: 'sahayog-demo' });
    expect(locked.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    expect(await t.snapshot()).toEqual(before);
    // Another account from the same address is not locked by it.
    await t.signIn('viewer@bd-partner.demo');
  });

  it('refuses a disabled user or organisation at sign-in and on the very next request', async () => {
    const caseworker = await t.signIn('caseworker@np-partner.demo');
    const admin = await t.signIn('admin@cwc-kolkata.demo');
    expect(await caseworker.data(ME)).toBeTruthy();

    await t.sql(`UPDATE app_user SET active = false WHERE email = 'caseworker@np-partner.demo'`);
    expect(await codeOf(caseworker, ME)).toBe('UNAUTHENTICATED');
    expect(await codeOf(t.anonymous(), LOGIN, { email: 'caseworker@np-partner.demo', password: 'sahayog-demo' })).toBe(
      'UNAUTHENTICATED',
    );

    await t.sql(`UPDATE organisation SET active = false WHERE short_name = 'CWC-KOLKATA'`);
    expect(await codeOf(admin, ME)).toBe('UNAUTHENTICATED');
    expect(await codeOf(t.anonymous(), LOGIN, { email: 'viewer@cwc-kolkata.demo', password: 'sahayog-demo' })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('applies a role change on the next request, without waiting for the token to expire', async () => {
    const viewer = await t.signIn('viewer@newlight.demo');
    const unitId = (await t.sql<{ id: string }>(`SELECT id FROM bed_unit WHERE name = 'Boys 3-12'`))[0]?.id;
    const update = `mutation($id: ID!) { updateBedUnit(input: { unitId: $id, expectedVersion: 1, occupied: 14 }) { occupied } }`;
    expect(await codeOf(viewer, update, { id: unitId })).toBe('FORBIDDEN');
    await t.sql(
      `UPDATE membership SET roles = '{SHELTER_COORDINATOR}' WHERE user_id = (SELECT id FROM app_user WHERE email = 'viewer@newlight.demo')`,
    );
    expect(await viewer.data(update, { id: unitId })).toEqual({ updateBedUnit: { occupied: 14 } });
  });
});

describe('bearer tokens', () => {
  it('refuses no token, a forged token, a token signed with another key and an expired token', async () => {
    expect(await codeOf(t.anonymous(), ME)).toBe('UNAUTHENTICATED');
    expect(await codeOf(t.withToken('not-a-jwt'), ME)).toBe('UNAUTHENTICATED');

    const [user] = await t.sql<{ id: string; organisation_id: string }>(
      `SELECT u.id, m.organisation_id FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.email = 'admin@jkps.demo'`,
    );
    const forged = await new SignJWT({ org: user?.organisation_id })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user?.id as string)
      .setIssuer('sahayog')
      .setAudience('sahayog-gateway')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('an attacker guessing the signing key!!'));
    expect(await codeOf(t.withToken(forged), ME)).toBe('UNAUTHENTICATED');

    const client = await t.signIn('admin@jkps.demo');
    expect(await client.data(ME)).toBeTruthy();
    t.clock.advance(601_000);
    expect(await codeOf(client, ME)).toBe('UNAUTHENTICATED');
  });
});
