import {
  ACCEPT_INVITATION,
  CHANGE_PASSWORD,
  INVITE_USER,
  TestGateway,
  USERS,
  inviteAndAccept,
  type AuthPayloadView,
  type GraphQLClient,
  type InvitationView,
  type UserView,
} from '@sahayog/testing';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;
const GOOD_PASSWORD = 'Monsoon-over-Howrah-19';

let t: TestGateway;
let jkpsAdmin: GraphQLClient;
let jkpsCaseworker: GraphQLClient;
let mahimaAdmin: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  [jkpsAdmin, jkpsCaseworker, mahimaAdmin] = await Promise.all([
    t.signIn('admin@jkps.demo'),
    t.signIn('caseworker@jkps.demo'),
    t.signIn('admin@mahima.demo'),
  ]);
});
afterAll(() => t.close());

async function invite(client: GraphQLClient, email: string, roles = ['CASEWORKER']): Promise<InvitationView> {
  const { inviteUser } = await client.data<{ inviteUser: InvitationView }>(INVITE_USER, {
    input: { email, displayName: 'Priya Sen-Fictional', roles },
  });
  return inviteUser;
}

const accept = (token: string, password: string) =>
  t.anonymous().request<{ acceptInvitation: AuthPayloadView }>(ACCEPT_INVITATION, { token, password });

describe('an organisation admin invites staff into their own organisation', () => {
  it('creates the account without a password, in the admin’s organisation, audited without the token', async () => {
    const invitation = await invite(jkpsAdmin, 'Priya.Sen@JKPS.example', ['CASEWORKER', 'VIEWER', 'CASEWORKER']);
    expect(invitation.user).toMatchObject({
      email: 'priya.sen@jkps.example',
      roles: ['CASEWORKER', 'VIEWER'],
      organisation: { shortName: 'JKPS' },
    });
    const { users } = await jkpsAdmin.data<{ users: UserView[] }>(USERS);
    expect(users.map((u) => u.email)).toContain('priya.sen@jkps.example');
    const { users: mahimaUsers } = await mahimaAdmin.data<{ users: UserView[] }>(USERS);
    expect(mahimaUsers.map((u) => u.email)).not.toContain('priya.sen@jkps.example');

    const [entry] = await t.sql<{ actor: string; detail: Record<string, unknown> }>(
      `SELECT u.email AS actor, a.detail FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.action = 'USER_INVITED' AND a.entity_id = $1`,
      [invitation.user.id],
    );
    expect(entry).toMatchObject({ actor: 'admin@jkps.demo', detail: { roles: ['CASEWORKER', 'VIEWER'] } });
    expect(JSON.stringify(entry)).not.toContain(invitation.token);

    const { acceptInvitation } = (await accept(invitation.token, GOOD_PASSWORD)).data ?? {};
    expect(acceptInvitation?.user).toMatchObject({ email: 'priya.sen@jkps.example', roles: ['CASEWORKER', 'VIEWER'] });
    await t.signIn('priya.sen@jkps.example', GOOD_PASSWORD);
  });

  it('keeps the token usable after weak passwords are refused, each with BAD_USER_INPUT and nothing written', async () => {
    const invitation = await invite(jkpsAdmin, 'tanvir.hossain@jkps.example');
    // Each refusal says which rule in `reason`, so a client can explain it in the reader's language.
    const weak = [
      ['Short-pass1', 'PASSWORD_TOO_SHORT'],
      ['my-tanvir.hossain-key', 'PASSWORD_CONTAINS_EMAIL'], // the email's name part
      ['Tanvir.Hossain@jkps.example!', 'PASSWORD_CONTAINS_EMAIL'],
      ['aaaaaaaaaaaaaaa', 'PASSWORD_TOO_FEW_DIFFERENT_CHARACTERS'],
      ['121212121212', 'PASSWORD_TOO_FEW_DIFFERENT_CHARACTERS'],
      ['Password1234', 'PASSWORD_TOO_COMMON'], // on the trivial list, in any case
      ['sahayog-demo', 'PASSWORD_TOO_COMMON'], // the demo password is on the list too
      ['x'.repeat(300), 'PASSWORD_TOO_LONG'],
    ] as const;
    for (const [password, reason] of weak) {
      const before = await t.snapshot();
      const response = await accept(invitation.token, password);
      expect({ password, ...response.errors?.[0]?.extensions }).toEqual({
        password,
        code: 'BAD_USER_INPUT',
        fields: ['password'],
        reason,
      });
      expect(response.errors?.[0]?.extensions?.['fields']).toEqual(['password']);
      expect(JSON.stringify(response.errors)).not.toContain(password.slice(0, 11));
      expect(await t.snapshot()).toEqual(before);
    }
    const accepted = await accept(invitation.token, GOOD_PASSWORD);
    expect(accepted.errors).toBeUndefined();
  });

  it('answers a reused token UNAUTHENTICATED and writes nothing', async () => {
    const invitation = await invite(jkpsAdmin, 'rekha.das@jkps.example');
    expect((await accept(invitation.token, GOOD_PASSWORD)).errors).toBeUndefined();
    const before = await t.snapshot();
    const reused = await accept(invitation.token, 'Another-long-password-5');
    expect(reused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await t.snapshot()).toEqual(before);
    // The first password still holds.
    await t.signIn('rekha.das@jkps.example', GOOD_PASSWORD);
  });

  it('lets exactly one of two racing acceptances of one token through', async () => {
    const invitation = await invite(mahimaAdmin, 'moumita.pal@mahima.example');
    const results = await Promise.all([
      accept(invitation.token, GOOD_PASSWORD),
      accept(invitation.token, 'Second-racer-password-8'),
    ]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.['code'] ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'UNAUTHENTICATED']);
    const [row] = await t.sql(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'INVITATION_ACCEPTED'
      AND entity_id = $1`,
      [invitation.user.id],
    );
    expect(row).toEqual({ n: 1 });
  });

  it('refuses a token for an account deactivated since the invitation', async () => {
    const invitation = await invite(mahimaAdmin, 'sushmita.bag@mahima.example');
    await mahimaAdmin.data(`mutation($id: ID!) { setUserActive(userId: $id, active: false) { active } }`, {
      id: invitation.user.id,
    });
    const before = await t.snapshot();
    expect((await accept(invitation.token, GOOD_PASSWORD)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('refused invitations write nothing', () => {
  interface Refusal {
    name: string;
    as: () => GraphQLClient;
    input: Record<string, unknown>;
    code: string;
    fields?: string[];
  }
  const refusals: Refusal[] = [
    {
      name: 'an email already in use, in another organisation, in any case (CONFLICT)',
      as: () => jkpsAdmin,
      input: { email: 'Viewer@Mahima.demo', displayName: 'Duplicate Fictional', roles: ['VIEWER'] },
      code: 'CONFLICT',
      fields: ['input.email'],
    },
    {
      name: 'granting NETWORK_ADMIN (FORBIDDEN)',
      as: () => jkpsAdmin,
      input: { email: 'new.admin@jkps.example', displayName: 'Ayesha Fictional', roles: ['NETWORK_ADMIN'] },
      code: 'FORBIDDEN',
    },
    {
      name: 'no role',
      as: () => jkpsAdmin,
      input: { email: 'norole@jkps.example', displayName: 'Nirmala Fictional', roles: [] },
      code: 'BAD_USER_INPUT',
      fields: ['input.roles'],
    },
    {
      name: 'not an email address',
      as: () => jkpsAdmin,
      input: { email: 'not-an-email', displayName: 'Nobody Fictional', roles: ['VIEWER'] },
      code: 'BAD_USER_INPUT',
      fields: ['input.email'],
    },
    {
      name: 'a blank name',
      as: () => jkpsAdmin,
      input: { email: 'blank@jkps.example', displayName: '   ', roles: ['VIEWER'] },
      code: 'BAD_USER_INPUT',
      fields: ['input.displayName'],
    },
    {
      name: 'a caseworker inviting (FORBIDDEN)',
      as: () => jkpsCaseworker,
      input: { email: 'friend@jkps.example', displayName: 'Friend Fictional', roles: ['VIEWER'] },
      code: 'FORBIDDEN',
    },
  ];

  it.each(refusals)('$name', async ({ as, input, code, fields }) => {
    const before = await t.snapshot();
    const error = await as().error(INVITE_USER, { input });
    expect(error.extensions?.['code']).toBe(code);
    if (fields) expect(error.extensions?.['fields']).toEqual(fields);
    expect(await t.snapshot()).toEqual(before);
  });

  it('an unknown token (UNAUTHENTICATED)', async () => {
    const before = await t.snapshot();
    const response = await accept('not-a-token-anyone-was-given', GOOD_PASSWORD);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('changePassword', () => {
  let liaison: GraphQLClient;
  beforeAll(async () => {
    ({ client: liaison } = await inviteAndAccept(t, mahimaAdmin, {
      email: 'kakoli.ghosh@mahima.example',
      displayName: 'Kakoli Ghosh-Fictional',
      roles: ['REPATRIATION_LIAISON'],
    }));
  });

  const refusals = [
    {
      name: 'a wrong current password',
      current: 'Wrong-password-000',
      next: 'Brahmaputra-evening-3',
      field: 'currentPassword',
      reason: 'WRONG_CURRENT_PASSWORD',
    },
    {
      name: 'a weak new password',
      current: 'Kanchenjunga-at-dawn-42',
      next: 'password1234',
      field: 'newPassword',
      reason: 'PASSWORD_TOO_COMMON',
    },
    {
      name: 'the same password again',
      current: 'Kanchenjunga-at-dawn-42',
      next: 'Kanchenjunga-at-dawn-42',
      field: 'newPassword',
      reason: 'PASSWORD_UNCHANGED',
    },
    {
      name: 'a new password containing the email',
      current: 'Kanchenjunga-at-dawn-42',
      next: 'kakoli.ghosh-2026!',
      field: 'newPassword',
      reason: 'PASSWORD_CONTAINS_EMAIL',
    },
  ];

  it.each(refusals)(
    'refuses $name with BAD_USER_INPUT and writes nothing',
    async ({ current, next, field, reason }) => {
      const before = await t.snapshot();
      const error = await liaison.error(CHANGE_PASSWORD, { currentPassword: current, newPassword: next });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field], reason });
      expect(await t.snapshot()).toEqual(before);
    },
  );

  it('refuses an anonymous caller', async () => {
    const error = await t.anonymous().error(CHANGE_PASSWORD, { currentPassword: 'a', newPassword: 'b' });
    expect(error.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('changes it: the new password signs in, the old one no longer does', async () => {
    const ok = await liaison.data(CHANGE_PASSWORD, {
      currentPassword: 'Kanchenjunga-at-dawn-42',
      newPassword: 'Brahmaputra-evening-3',
    });
    expect(ok).toEqual({ changePassword: true });
    await t.signIn('kakoli.ghosh@mahima.example', 'Brahmaputra-evening-3');
    const old = await t
      .anonymous()
      .error(LOGIN, { email: 'kakoli.ghosh@mahima.example', password: 'Kanchenjunga-at-dawn-42' });
    expect(old.extensions?.['code']).toBe('UNAUTHENTICATED');
    const audit = await t.sql(`SELECT action, detail FROM audit_event WHERE action = 'PASSWORD_CHANGED'`);
    expect(audit).toEqual([{ action: 'PASSWORD_CHANGED', detail: {} }]);
  });
});

// Last: moving the clock a week on also expires every session token signed in above.
describe('expiry', () => {
  it('accepts a token just inside its 7 days, and answers one past them UNAUTHENTICATED, writing nothing', async () => {
    const inTime = await invite(jkpsAdmin, 'on.time@jkps.example');
    const late = await invite(jkpsAdmin, 'late.comer@jkps.example');
    t.clock.advance(7 * 24 * 3_600_000 - 60_000);
    expect((await accept(inTime.token, GOOD_PASSWORD)).errors).toBeUndefined();
    t.clock.advance(2 * 60_000);
    const before = await t.snapshot();
    const response = await accept(late.token, GOOD_PASSWORD);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await t.snapshot()).toEqual(before);
  });
});
