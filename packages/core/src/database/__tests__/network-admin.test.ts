import { ACCEPT_INVITATION, TestGateway, USERS, type AuthPayloadView, type UserView } from '@sahayog/testing';
import { createNetworkAdmin, NetworkAdminError } from '../network-admin';

const TTL_HOURS = 7 * 24;

let t: TestGateway;

beforeAll(async () => {
  t = await TestGateway.start();
});
afterAll(() => t.close());

describe('sahayog admin create-network-admin', () => {
  it('makes a network admin in the existing secretariat, with a one-time invitation that signs them in', async () => {
    const created = await createNetworkAdmin(t.dataSource, {
      email: 'Oindrila.Sen@sahayog.example',
      displayName: 'Oindrila Sen-Fictional',
      invitationTtlHours: TTL_HOURS,
    });
    expect(created.invitation?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [{ n }] = (await t.sql(`SELECT count(*)::int AS n FROM organisation WHERE short_name = 'SAHAYOG'`)) as [
      { n: number },
    ];
    expect(n).toBe(1);

    const { acceptInvitation } = await t.anonymous().data<{ acceptInvitation: AuthPayloadView }>(ACCEPT_INVITATION, {
      token: created.invitation?.token,
      password: 'Secretariat-keys-held-3',
    });
    expect(acceptInvitation.user).toMatchObject({
      email: 'oindrila.sen@sahayog.example',
      roles: ['NETWORK_ADMIN'],
      organisation: { shortName: 'SAHAYOG' },
    });
    const { users } = await t.withToken(acceptInvitation.accessToken).data<{ users: UserView[] }>(USERS);
    expect(users.length).toBeGreaterThan(30);

    const audit = await t.sql(
      `SELECT action, actor_user_id, detail->>'via' AS via FROM audit_event WHERE entity_id = $1
      ORDER BY id`,
      [created.userId],
    );
    expect(audit).toEqual([
      { action: 'USER_INVITED', actor_user_id: null, via: 'cli' },
      { action: 'INVITATION_ACCEPTED', actor_user_id: created.userId, via: null },
    ]);
  });

  it('sets the password from SAHAYOG_ADMIN_PASSWORD instead, and creates the secretariat when missing', async () => {
    // A database whose secretariat went by another name: the command makes a fresh one.
    await t.sql(`UPDATE organisation SET short_name = 'SAHAYOG-OLD' WHERE short_name = 'SAHAYOG'`);
    const created = await createNetworkAdmin(t.dataSource, {
      email: 'bikram.thapa@sahayog.example',
      displayName: 'Bikram Thapa-Fictional',
      password: 'Himalayan-salt-road-88',
      invitationTtlHours: TTL_HOURS,
    });
    expect(created.invitation).toBeNull();
    const [org] = await t.sql(`SELECT id, name FROM organisation WHERE short_name = 'SAHAYOG'`);
    expect(org).toEqual({ id: created.organisationId, name: 'Sahayog Network Secretariat' });
    const client = await t.signIn('bikram.thapa@sahayog.example', 'Himalayan-salt-road-88');
    expect(await client.data(`{ me { roles organisation { shortName } } }`)).toEqual({
      me: { roles: ['NETWORK_ADMIN'], organisation: { shortName: 'SAHAYOG' } },
    });
    const audit = await t.sql(`SELECT action FROM audit_event WHERE organisation_id = $1 ORDER BY id LIMIT 2`, [
      created.organisationId,
    ]);
    expect(audit).toEqual([{ action: 'ORGANISATION_CREATED' }, { action: 'USER_CREATED' }]);
  });

  it.each([
    ['an email already in use', { email: 'network@sahayog.demo' }, /already exists/],
    ['a weak password', { email: 'weak@sahayog.example', password: 'password1234' }, /SAHAYOG_ADMIN_PASSWORD/],
    ['not an email address', { email: 'nobody' }, /not an email address/],
  ])('refuses %s and writes nothing', async (_name, request, message) => {
    const before = await t.snapshot();
    const attempt = createNetworkAdmin(t.dataSource, {
      displayName: 'Refused Fictional',
      invitationTtlHours: TTL_HOURS,
      ...request,
    });
    await expect(attempt).rejects.toThrow(NetworkAdminError);
    await expect(attempt).rejects.toThrow(message);
    expect(await t.snapshot()).toEqual(before);
  });
});
