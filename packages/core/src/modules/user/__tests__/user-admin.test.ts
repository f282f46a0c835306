import {
  SET_USER_ACTIVE,
  SET_USER_ROLES,
  TestGateway,
  USERS,
  inviteAndAccept,
  registerSubject,
  userId,
  type GraphQLClient,
  type InvitationView,
  type UserView,
  INVITE_USER,
} from '@sahayog/testing';

const ME = `{ me { email roles active } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

let t: TestGateway;
let network: GraphQLClient;
let jkpsAdmin: GraphQLClient;
let jkpsCaseworker: GraphQLClient;
let mahimaAdmin: GraphQLClient;
let newlightAdmin: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  [network, jkpsAdmin, jkpsCaseworker, mahimaAdmin, newlightAdmin] = await Promise.all([
    t.signIn('network@sahayog.demo'),
    t.signIn('admin@jkps.demo'),
    t.signIn('caseworker@jkps.demo'),
    t.signIn('admin@mahima.demo'),
    t.signIn('admin@newlight.demo'),
  ]);
});
afterAll(() => t.close());

const users = async (client: GraphQLClient): Promise<UserView[]> =>
  (await client.data<{ users: UserView[] }>(USERS)).users;

describe('users', () => {
  it("lists an organisation admin's own staff only, and every organisation's for a network admin", async () => {
    const jkps = await users(jkpsAdmin);
    expect(jkps.map((u) => u.email).sort()).toEqual([
      'admin@jkps.demo',
      'caseworker@jkps.demo',
      'coordinator@jkps.demo',
      'liaison@jkps.demo',
      'viewer@jkps.demo',
    ]);
    expect(new Set(jkps.map((u) => u.organisation.shortName))).toEqual(new Set(['JKPS']));
    const mahima = await users(mahimaAdmin);
    expect(new Set(mahima.map((u) => u.organisation.shortName))).toEqual(new Set(['MAHIMA']));

    const everyone = await users(network);
    expect(new Set(everyone.map((u) => u.organisation.shortName))).toEqual(
      new Set(['SAHAYOG', 'JKPS', 'MAHIMA', 'NEWLIGHT', 'CWC-KOLKATA', 'BD-PARTNER', 'NP-PARTNER']),
    );
    expect(everyone).toContainEqual(
      expect.objectContaining({ email: 'network@sahayog.demo', roles: ['NETWORK_ADMIN'] }),
    );
  });

  it('is refused to everyone else', async () => {
    expect((await jkpsCaseworker.error(USERS)).extensions?.['code']).toBe('FORBIDDEN');
    expect((await t.anonymous().error(USERS)).extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('changes take effect on the very next request', () => {
  it('a role change: a JKPS viewer made caseworker may register a subject at once, and not after it is undone', async () => {
    const viewer = await t.signIn('viewer@jkps.demo');
    const viewerId = await userId(t, 'viewer@jkps.demo');
    const create = () =>
      viewer.request(`mutation { createSubject(input: { sex: FEMALE, age: 9, nationality: "IN",
      fullName: "Sima Demo-Fictional" }) { id } }`);
    expect((await create()).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const { setUserRoles } = await jkpsAdmin.data<{ setUserRoles: UserView }>(SET_USER_ROLES, {
      userId: viewerId,
      roles: ['CASEWORKER'],
    });
    expect(setUserRoles).toMatchObject({ email: 'viewer@jkps.demo', roles: ['CASEWORKER'] });
    // The same token, issued before the change.
    expect(await viewer.data(ME)).toEqual({ me: { email: 'viewer@jkps.demo', roles: ['CASEWORKER'], active: true } });
    expect((await create()).errors).toBeUndefined();

    await jkpsAdmin.data(SET_USER_ROLES, { userId: viewerId, roles: ['VIEWER'] });
    expect((await create()).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const audit = await t.sql(
      `SELECT a.action, a.detail->'before' AS before, a.detail->'after' AS after, u.email AS actor FROM audit_event a
         JOIN app_user u ON u.id = a.actor_user_id WHERE a.entity_id = $1 AND a.action = 'USER_ROLES_CHANGED' ORDER BY a.id`,
      [viewerId],
    );
    expect(audit).toEqual([
      { action: 'USER_ROLES_CHANGED', before: ['VIEWER'], after: ['CASEWORKER'], actor: 'admin@jkps.demo' },
      { action: 'USER_ROLES_CHANGED', before: ['CASEWORKER'], after: ['VIEWER'], actor: 'admin@jkps.demo' },
    ]);
  });

  it("a deactivation: the coordinator's existing token is refused on the next request, and sign-in too", async () => {
    const coordinator = await t.signIn('coordinator@mahima.demo');
    const coordinatorId = await userId(t, 'coordinator@mahima.demo');
    expect(await coordinator.data(ME)).toMatchObject({ me: { email: 'coordinator@mahima.demo' } });

    const { setUserActive } = await mahimaAdmin.data<{ setUserActive: UserView }>(SET_USER_ACTIVE, {
      userId: coordinatorId,
      active: false,
    });
    expect(setUserActive).toMatchObject({ email: 'coordinator@mahima.demo', active: false });
    expect((await coordinator.error(ME)).extensions?.['code']).toBe('UNAUTHENTICATED');
    const login = await t.anonymous().error(LOGIN, { email: 'coordinator@mahima.demo', password: 'sahayog-demo' });
    expect(login.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await users(mahimaAdmin)).find((u) => u.id === coordinatorId)?.active).toBe(false);

    await mahimaAdmin.data(SET_USER_ACTIVE, { userId: coordinatorId, active: true });
    expect(await coordinator.data(ME)).toMatchObject({ me: { email: 'coordinator@mahima.demo', active: true } });
    const audit = await t.sql(
      `SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'USER_%' ORDER BY id`,
      [coordinatorId],
    );
    expect(audit).toEqual([{ action: 'USER_DEACTIVATED' }, { action: 'USER_REACTIVATED' }]);
  });
});

describe('the last active organisation admin', () => {
  it('may hand over: once a second admin has accepted, the first may step down; then the second is the last', async () => {
    const { client: second, user } = await inviteAndAccept(t, newlightAdmin, {
      email: 'farzana.begum@newlight.example',
      displayName: 'Farzana Begum-Fictional',
      roles: ['ORG_ADMIN'],
    });
    const firstId = await userId(t, 'admin@newlight.demo');
    await newlightAdmin.data(SET_USER_ROLES, { userId: firstId, roles: ['CASEWORKER'] });
    const before = await t.snapshot();
    const error = await second.error(SET_USER_ACTIVE, { userId: user.id, active: false });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['active'], reason: 'LAST_ORG_ADMIN' });
    expect(await t.snapshot()).toEqual(before);
    // Hand back, so the organisation's first admin is an admin again for the tests below.
    await second.data(SET_USER_ROLES, { userId: firstId, roles: ['ORG_ADMIN'] });
    newlightAdmin = await t.signIn('admin@newlight.demo');
    await newlightAdmin.data(SET_USER_ACTIVE, { userId: user.id, active: false });
  });

  it('stays one when two admins demote each other at the same moment', async () => {
    const { client: other, user } = await inviteAndAccept(t, newlightAdmin, {
      email: 'sabina.khatun@newlight.example',
      displayName: 'Sabina Khatun-Fictional',
      roles: ['ORG_ADMIN'],
    });
    const firstId = await userId(t, 'admin@newlight.demo');
    // Both changes must be in flight together: left to the scheduler, one can commit before the other's request
    // has even begun, which is then refused as no longer an admin (FORBIDDEN). So the organisation's member lock
    // (the one `lockMember` takes) is held here until both requests wait on it, having read their callers.
    const lock = t.dataSource.createQueryRunner();
    await lock.connect();
    let results: Awaited<ReturnType<typeof other.request>>[];
    try {
      await lock.startTransaction();
      await lock.query(
        `SELECT pg_advisory_xact_lock(hashtext('members:' || id)) FROM organisation WHERE short_name = 'NEWLIGHT'`,
      );
      const changes = Promise.all([
        newlightAdmin.request(SET_USER_ROLES, { userId: user.id, roles: ['VIEWER'] }),
        other.request(SET_USER_ROLES, { userId: firstId, roles: ['VIEWER'] }),
      ]);
      const waiting = `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
        WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`;
      while ((await lock.query(waiting))[0].n < 2) await new Promise((resolve) => setTimeout(resolve, 20));
      await lock.commitTransaction();
      results = await changes;
    } finally {
      await lock.release();
    }
    const codes = results.map((r) => r.errors?.[0]?.extensions?.['code'] ?? 'OK').sort();
    expect(codes).toEqual(['BAD_USER_INPUT', 'OK']);
    const [row] = await t.sql(
      `SELECT count(*)::int AS n FROM membership m JOIN organisation o ON o.id = m.organisation_id
        WHERE o.short_name = 'NEWLIGHT' AND m.active AND 'ORG_ADMIN' = ANY (m.roles)`,
    );
    expect(row).toEqual({ n: 1 });
  });
});

describe('refused user changes write nothing', () => {
  type Refuse = () => Promise<{ extensions?: Record<string, unknown> }>;
  interface Refusal {
    name: string;
    /** Arranges what the refusal needs (its own writes come before the snapshot), answers the refused call. */
    arrange: () => Promise<Refuse>;
    code: string;
    fields?: string[];
  }
  const setRoles = (as: () => GraphQLClient, email: string, roles: string[]) => async (): Promise<Refuse> => {
    const id = await userId(t, email);
    return () => as().error(SET_USER_ROLES, { userId: id, roles });
  };
  const setActive = (as: () => GraphQLClient, email: string, active: boolean) => async (): Promise<Refuse> => {
    const id = await userId(t, email);
    return () => as().error(SET_USER_ACTIVE, { userId: id, active });
  };

  const refusals: Refusal[] = [
    {
      name: 'the JKPS admin changing the roles of a MAHIMA user (NOT_FOUND)',
      arrange: setRoles(() => jkpsAdmin, 'caseworker@mahima.demo', ['VIEWER']),
      code: 'NOT_FOUND',
    },
    {
      name: 'the JKPS admin deactivating a MAHIMA user (NOT_FOUND)',
      arrange: setActive(() => jkpsAdmin, 'coordinator@mahima.demo', false),
      code: 'NOT_FOUND',
    },
    {
      name: 'the JKPS admin deactivating the network admin (NOT_FOUND)',
      arrange: setActive(() => jkpsAdmin, 'network@sahayog.demo', false),
      code: 'NOT_FOUND',
    },
    {
      name: 'granting NETWORK_ADMIN (FORBIDDEN)',
      arrange: setRoles(() => jkpsAdmin, 'caseworker@jkps.demo', ['CASEWORKER', 'NETWORK_ADMIN']),
      code: 'FORBIDDEN',
    },
    {
      name: 'the last admin removing their own admin role',
      arrange: setRoles(() => jkpsAdmin, 'admin@jkps.demo', ['CASEWORKER']),
      code: 'BAD_USER_INPUT',
      fields: ['roles'],
    },
    {
      name: 'the last admin deactivating themselves',
      arrange: setActive(() => jkpsAdmin, 'admin@jkps.demo', false),
      code: 'BAD_USER_INPUT',
      fields: ['active'],
    },
    {
      name: 'the last admin stepping down while the only other admin has not accepted their invitation yet',
      arrange: async () => {
        await mahimaAdmin.data<{ inviteUser: InvitationView }>(INVITE_USER, {
          input: { email: 'pending.admin@mahima.example', displayName: 'Pending Fictional', roles: ['ORG_ADMIN'] },
        });
        const id = await userId(t, 'admin@mahima.demo');
        return () => mahimaAdmin.error(SET_USER_ROLES, { userId: id, roles: ['VIEWER'] });
      },
      code: 'BAD_USER_INPUT',
      fields: ['roles'],
    },
    {
      name: 'no roles at all',
      arrange: setRoles(() => jkpsAdmin, 'viewer@jkps.demo', []),
      code: 'BAD_USER_INPUT',
      fields: ['roles'],
    },
    {
      name: 'a user id that is not a UUID',
      arrange: async () => () => jkpsAdmin.error(SET_USER_ACTIVE, { userId: 'admin@jkps.demo', active: false }),
      code: 'BAD_USER_INPUT',
      fields: ['userId'],
    },
    {
      name: 'a caseworker changing roles (FORBIDDEN)',
      arrange: setRoles(() => jkpsCaseworker, 'caseworker@jkps.demo', ['ORG_ADMIN']),
      code: 'FORBIDDEN',
    },
    {
      name: 'a caseworker deactivating a colleague (FORBIDDEN)',
      arrange: setActive(() => jkpsCaseworker, 'viewer@jkps.demo', false),
      code: 'FORBIDDEN',
    },
    {
      name: 'the network admin changing a partner user’s roles (FORBIDDEN: it is the organisation’s to manage)',
      arrange: setRoles(() => network, 'caseworker@jkps.demo', ['VIEWER']),
      code: 'FORBIDDEN',
    },
  ];

  it.each(refusals)('$name', async ({ arrange, code, fields }) => {
    const refuse = await arrange();
    const before = await t.snapshot();
    const error = await refuse();
    expect(error.extensions?.['code']).toBe(code);
    if (fields) expect(error.extensions?.['fields']).toEqual(fields);
    expect(await t.snapshot()).toEqual(before);
  });

  it('leaves the refused users as they were', async () => {
    const [row] = await t.sql(
      `SELECT m.roles, m.active FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = 'admin@jkps.demo'`,
    );
    expect(row).toEqual({ roles: ['ORG_ADMIN'], active: true });
    // Still an admin in fact, not only on paper.
    await registerSubject(jkpsAdmin);
  });
});
