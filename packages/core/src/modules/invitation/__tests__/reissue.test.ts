import {
  ACCEPT_INVITATION,
  CREATE_ORGANISATION,
  INVITATION_FIELDS,
  INVITE_USER,
  SET_USER_ACTIVE,
  TestGateway,
  userId,
  type AuthPayloadView,
  type GraphQLClient,
  type InvitationView,
} from '@sahayog/testing';

/**
 * An invitation works for 7 days. A partner's admin who misses that window (or loses the link) needs a
 * new one, and nobody can make a second account under the same email: reissueInvitation gives it.
 */
const REISSUE = `mutation Reissue($userId: ID!) { reissueInvitation(userId: $userId) { ${INVITATION_FIELDS} } }`;
const PENDING = `query { users { email pendingInvitation { expiresAt expired } } }`;
const GOOD_PASSWORD = 'Monsoon-over-Howrah-19';
const WEEK_AND_A_MINUTE = 7 * 24 * 3_600_000 + 60_000;

interface PendingView {
  email: string;
  pendingInvitation: { expiresAt: string; expired: boolean } | null;
}

let t: TestGateway;
let network: GraphQLClient;
let jkpsAdmin: GraphQLClient;
let jkpsCaseworker: GraphQLClient;
let mahimaAdmin: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  [network, jkpsAdmin, jkpsCaseworker, mahimaAdmin] = await Promise.all([
    t.signIn('network@sahayog.demo'),
    t.signIn('admin@jkps.demo'),
    t.signIn('caseworker@jkps.demo'),
    t.signIn('admin@mahima.demo'),
  ]);
});
afterAll(() => t.close());

async function invite(client: GraphQLClient, email: string, roles = ['CASEWORKER']): Promise<InvitationView> {
  const { inviteUser } = await client.data<{ inviteUser: InvitationView }>(INVITE_USER, {
    input: { email, displayName: 'Fictional Invitee', roles },
  });
  return inviteUser;
}

const accept = (token: string) =>
  t.anonymous().request<{ acceptInvitation: AuthPayloadView }>(ACCEPT_INVITATION, { token, password: GOOD_PASSWORD });

const reissue = async (client: GraphQLClient, id: string): Promise<InvitationView> =>
  (await client.data<{ reissueInvitation: InvitationView }>(REISSUE, { userId: id })).reissueInvitation;

const pendingOf = async (client: GraphQLClient, email: string): Promise<PendingView['pendingInvitation']> => {
  const { users } = await client.data<{ users: PendingView[] }>(PENDING);
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`${email} not listed`);
  return user.pendingInvitation;
};

// First: the stories below move the clock a week on, which expires the sessions signed in above.
describe('refused re-invitations write nothing', () => {
  interface Refusal {
    name: string;
    arrange(): Promise<() => Promise<{ extensions?: Record<string, unknown> }>>;
    code: string;
    reason?: string;
  }
  const reissuing = (as: () => GraphQLClient, id: () => Promise<string>) => async () => {
    const target = await id();
    return () => as().error(REISSUE, { userId: target });
  };
  const refusals: Refusal[] = [
    {
      name: "another organisation's invitee (NOT_FOUND)",
      arrange: reissuing(
        () => jkpsAdmin,
        async () => (await invite(mahimaAdmin, 'mahima.invitee@mahima.example')).user.id,
      ),
      code: 'NOT_FOUND',
    },
    {
      name: "a network administrator, for a partner's staff other than its admins (FORBIDDEN)",
      arrange: reissuing(
        () => network,
        async () => (await invite(jkpsAdmin, 'jkps.staff@jkps.example')).user.id,
      ),
      code: 'FORBIDDEN',
    },
    {
      name: 'someone who already has a password',
      arrange: reissuing(
        () => jkpsAdmin,
        () => userId(t, 'caseworker@jkps.demo'),
      ),
      code: 'BAD_USER_INPUT',
      reason: 'INVITATION_ACCEPTED',
    },
    {
      name: 'a deactivated invitee',
      arrange: reissuing(
        () => mahimaAdmin,
        async () => {
          const { user } = await invite(mahimaAdmin, 'gone.before@mahima.example');
          await mahimaAdmin.data(SET_USER_ACTIVE, { userId: user.id, active: false });
          return user.id;
        },
      ),
      code: 'BAD_USER_INPUT',
      reason: 'ACCOUNT_INACTIVE',
    },
    {
      name: 'a caseworker (FORBIDDEN)',
      arrange: reissuing(
        () => jkpsCaseworker,
        async () => (await invite(jkpsAdmin, 'colleague@jkps.example')).user.id,
      ),
      code: 'FORBIDDEN',
    },
    {
      name: 'a malformed id',
      arrange: reissuing(
        () => jkpsAdmin,
        async () => 'not-a-uuid',
      ),
      code: 'BAD_USER_INPUT',
    },
  ];

  it.each(refusals)('$name', async ({ arrange, code, reason }) => {
    const attempt = await arrange();
    const before = await t.snapshot();
    const error = await attempt();
    expect(error.extensions?.['code']).toBe(code);
    if (reason) expect(error.extensions?.['reason']).toBe(reason);
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('an organisation admin re-invites their own staff', () => {
  it('shows the invitation pending, then expired; a new link works, the old one never again, audited', async () => {
    const first = await invite(jkpsAdmin, 'missed.window@jkps.example');
    expect(await pendingOf(jkpsAdmin, 'missed.window@jkps.example')).toEqual({
      expiresAt: first.expiresAt,
      expired: false,
    });
    expect(await pendingOf(jkpsAdmin, 'caseworker@jkps.demo')).toBeNull();

    t.clock.advance(WEEK_AND_A_MINUTE);
    // Sessions do not outlive a week either.
    const admin = await t.signIn('admin@jkps.demo');
    expect((await pendingOf(admin, 'missed.window@jkps.example'))?.expired).toBe(true);

    const second = await reissue(admin, first.user.id);
    expect(second.user).toMatchObject({ email: 'missed.window@jkps.example', roles: ['CASEWORKER'] });
    expect(second.token).not.toBe(first.token);
    expect(await pendingOf(admin, 'missed.window@jkps.example')).toEqual({
      expiresAt: second.expiresAt,
      expired: false,
    });
    const [entry] = await t.sql<{ actor: string; detail: Record<string, unknown> }>(
      `SELECT u.email AS actor, a.detail FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.action = 'INVITATION_REISSUED' AND a.entity_id = $1`,
      [first.user.id],
    );
    expect(entry).toMatchObject({ actor: 'admin@jkps.demo', detail: { replaced: [] } });
    expect(JSON.stringify(entry)).not.toContain(second.token);

    expect((await accept(first.token)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await accept(second.token)).errors).toBeUndefined();
    expect(await pendingOf(admin, 'missed.window@jkps.example')).toBeNull();
  });

  it('ends a lost link at once when a new one is made before it expired', async () => {
    const admin = await t.signIn('admin@jkps.demo');
    const lost = await invite(admin, 'lost.link@jkps.example');
    const fresh = await reissue(admin, lost.user.id);
    const [entry] = await t.sql<{ detail: { replaced: string[] } }>(
      `SELECT detail FROM audit_event WHERE action = 'INVITATION_REISSUED' AND entity_id = $1`,
      [lost.user.id],
    );
    expect(entry?.detail.replaced).toHaveLength(1);
    const before = await t.snapshot();
    expect((await accept(lost.token)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await t.snapshot()).toEqual(before);
    expect((await accept(fresh.token)).errors).toBeUndefined();
  });
});

describe("a network administrator re-invites a new partner's first admin", () => {
  it('gives the first admin who missed the window a new link, which signs them in', async () => {
    const { createOrganisation } = await (
      await t.signIn('network@sahayog.demo')
    ).data<{ createOrganisation: InvitationView }>(CREATE_ORGANISATION, {
      input: {
        name: 'Siliguri Fictional Outreach',
        shortName: 'SILIGURI',
        kind: 'NGO',
        country: 'IN',
        adminEmail: 'first.admin@siliguri.example',
        adminDisplayName: 'Mitali Roy-Fictional',
      },
    });
    t.clock.advance(WEEK_AND_A_MINUTE);
    const operator = await t.signIn('network@sahayog.demo');
    expect((await pendingOf(operator, 'first.admin@siliguri.example'))?.expired).toBe(true);
    const renewed = await reissue(operator, createOrganisation.user.id);
    expect(renewed.user).toMatchObject({ roles: ['ORG_ADMIN'], organisation: { shortName: 'SILIGURI' } });
    const accepted = await accept(renewed.token);
    expect(accepted.data?.acceptInvitation.user).toMatchObject({ email: 'first.admin@siliguri.example' });
  });
});
