import { createHash } from 'node:crypto';
import {
  ACCEPT_INVITATION,
  CHANGE_PASSWORD,
  CREATE_BED_UNIT,
  CREATE_REFERRAL,
  REFERRAL,
  SET_USER_ACTIVE,
  SET_USER_ROLES,
  UPDATE_FACILITY,
  USERS,
  facilityId as facilityNamed,
  userId,
  CREATE_FACILITY,
  CREATE_ORGANISATION,
  INVITE_USER,
  SET_ORGANISATION_ACTIVE,
  SUBJECT,
  TestGateway,
  organisationId,
  registerSubject,
  type AuthPayloadView,
  type GraphQLClient,
  type InvitationView,
  type ReferralView,
} from '@sahayog/testing';

const BED_BOARD = `query Board($filter: BedSearch) {
  bedAvailability(filter: $filter) { id name available facility { name address organisation { shortName } } }
}`;
const ME = `{ me { email roles organisation { shortName } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

interface BoardUnit {
  id: string;
  name: string;
  available: number;
  facility: { name: string; address: string | null; organisation: { shortName: string } };
}

let t: TestGateway;
let network: GraphQLClient;
let jkpsCaseworker: GraphQLClient;
let jkpsAdmin: GraphQLClient;
let mahimaCoordinator: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  [network, jkpsCaseworker, jkpsAdmin, mahimaCoordinator] = await Promise.all([
    t.signIn('network@sahayog.demo'),
    t.signIn('caseworker@jkps.demo'),
    t.signIn('admin@jkps.demo'),
    t.signIn('coordinator@mahima.demo'),
  ]);
});
afterAll(() => t.close());

const board = async (client: GraphQLClient, filter: Record<string, unknown>): Promise<BoardUnit[]> =>
  (await client.data<{ bedAvailability: BoardUnit[] }>(BED_BOARD, { filter })).bedAvailability;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('onboarding a new partner in Siliguri', () => {
  // A fictional NGO and fictional people throughout.
  const PASSWORD = 'Teesta-rivers-run-south-7';
  let invitation: InvitationView;
  let teestaAdmin: GraphQLClient;
  let facilityId: string;
  let unitId: string;

  it('a network admin creates the organisation with an invitation for its first admin', async () => {
    const before = Date.now();
    invitation = (
      await network.data<{ createOrganisation: InvitationView }>(CREATE_ORGANISATION, {
        input: {
          name: 'Teesta Sakhi Network',
          shortName: 'teesta',
          kind: 'NGO',
          country: 'in',
          region: 'West Bengal',
          adminEmail: 'Mitali.Roy@teesta-sakhi.example',
          adminDisplayName: 'Mitali Roy-Fictional',
        },
      })
    ).createOrganisation;
    expect(invitation.user).toMatchObject({
      email: 'mitali.roy@teesta-sakhi.example',
      displayName: 'Mitali Roy-Fictional',
      roles: ['ORG_ADMIN'],
      active: true,
      organisation: { shortName: 'TEESTA', country: 'IN', active: true },
    });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ttl = new Date(invitation.expiresAt).getTime() - before;
    expect(ttl).toBeGreaterThan(7 * 24 * 3_600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3_600_000 + 60_000);

    // Only a hash of the token is kept; the account has no password until the invitation is accepted.
    const [stored] = await t.sql<{ token_hash: string; accepted_at: null; password_hash: null }>(
      `SELECT i.token_hash, i.accepted_at, u.password_hash FROM invitation i JOIN app_user u ON u.id = i.user_id
        WHERE u.email = 'mitali.roy@teesta-sakhi.example'`,
    );
    expect(stored).toEqual({ token_hash: sha256(invitation.token), accepted_at: null, password_hash: null });
    const dump = JSON.stringify(await t.sql(`SELECT * FROM invitation`));
    expect(dump).not.toContain(invitation.token);

    const audit = await t.sql<{ action: string; actor: string; detail: Record<string, unknown> }>(
      `SELECT a.action, u.email AS actor, a.detail FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.action IN ('ORGANISATION_CREATED', 'USER_INVITED') ORDER BY a.id`,
    );
    expect(audit).toEqual([
      {
        action: 'ORGANISATION_CREATED',
        actor: 'network@sahayog.demo',
        detail: { shortName: 'TEESTA', kind: 'NGO', country: 'IN' },
      },
      {
        action: 'USER_INVITED',
        actor: 'network@sahayog.demo',
        detail: expect.objectContaining({ organisationId: await organisationId(t, 'TEESTA'), roles: ['ORG_ADMIN'] }),
      },
    ]);
    expect(JSON.stringify(await t.sql(`SELECT detail FROM audit_event`))).not.toContain(invitation.token);
  });

  it('the invitee cannot sign in before accepting', async () => {
    const error = await t.anonymous().error(LOGIN, { email: 'mitali.roy@teesta-sakhi.example', password: PASSWORD });
    expect(error.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('the invitee accepts with a good password and is signed in', async () => {
    const { acceptInvitation } = await t
      .anonymous()
      .data<{ acceptInvitation: AuthPayloadView }>(ACCEPT_INVITATION, { token: invitation.token, password: PASSWORD });
    expect(acceptInvitation.user).toMatchObject({ email: 'mitali.roy@teesta-sakhi.example', roles: ['ORG_ADMIN'] });
    teestaAdmin = t.withToken(acceptInvitation.accessToken);
    expect(await teestaAdmin.data(ME)).toEqual({
      me: { email: 'mitali.roy@teesta-sakhi.example', roles: ['ORG_ADMIN'], organisation: { shortName: 'TEESTA' } },
    });
    // The password works for signing in later too.
    await t.signIn('mitali.roy@teesta-sakhi.example', PASSWORD);
    const [accepted] = await t.sql(
      `SELECT a.action, a.actor_user_id = i.user_id AS by_invitee FROM audit_event a
         JOIN invitation i ON i.user_id::text = a.entity_id WHERE a.action = 'INVITATION_ACCEPTED'`,
    );
    expect(accepted).toEqual({ action: 'INVITATION_ACCEPTED', by_invitee: true });
  });

  it('the new admin creates a facility with a private address', async () => {
    const { createFacility } = await teestaAdmin.data<{ createFacility: Record<string, unknown> & { id: string } }>(
      CREATE_FACILITY,
      {
        input: {
          name: 'Teesta Sakhi Shelter Home',
          kind: 'SHELTER_HOME',
          district: 'Darjeeling',
          state: 'West Bengal',
          country: 'IN',
          address: 'Demo address 9, Pradhan Nagar, Siliguri 734003',
          services: ['SHELTER', 'COUNSELLING', 'SHELTER'],
        },
      },
    );
    expect(createFacility).toMatchObject({
      name: 'Teesta Sakhi Shelter Home',
      address: 'Demo address 9, Pradhan Nagar, Siliguri 734003',
      services: ['SHELTER', 'COUNSELLING'],
      active: true,
      organisation: { shortName: 'TEESTA' },
    });
    facilityId = createFacility.id;
  });

  it('adds a unit: history row CREATED, audit entry, and a live event for the district', async () => {
    const subscriptions = jkpsCaseworker.subscriptions();
    const watch = subscriptions.subscribe<{ bedAvailabilityChanged: { id: string; name: string } }>(
      `subscription { bedAvailabilityChanged(district: "Darjeeling") { id name available } }`,
    );
    await subscriptions.connected();
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      const { createBedUnit } = await teestaAdmin.data<{ createBedUnit: Record<string, unknown> & { id: string } }>(
        CREATE_BED_UNIT,
        {
          input: {
            facilityId,
            name: 'Women 18-40',
            sex: 'FEMALE',
            minAge: 18,
            maxAge: 40,
            capacity: 6,
            occupied: 2,
          },
        },
      );
      expect(createBedUnit).toMatchObject({ capacity: 6, occupied: 2, held: 0, available: 4, version: 1 });
      unitId = createBedUnit.id;
      const event = await watch.next();
      expect(event.data?.bedAvailabilityChanged).toMatchObject({ id: unitId, name: 'Women 18-40' });
    } finally {
      watch.stop();
      await subscriptions.close();
    }
    const history = await t.sql(
      `SELECT h.reason, h.before, h.after, u.email AS actor FROM bed_unit_history h
         JOIN app_user u ON u.id = h.actor_user_id WHERE h.bed_unit_id = $1`,
      [unitId],
    );
    expect(history).toEqual([
      {
        reason: 'CREATED',
        before: null,
        after: { capacity: 6, occupied: 2, held: 0 },
        actor: 'mitali.roy@teesta-sakhi.example',
      },
    ]);
    const audit = await t.sql(`SELECT action FROM audit_event WHERE entity_id IN ($1, $2) ORDER BY id`, [
      facilityId,
      unitId,
    ]);
    expect(audit).toEqual([{ action: 'FACILITY_CREATED' }, { action: 'BED_UNIT_CREATED' }]);
  });

  it('a JKPS caseworker sees the unit on the bed board, without the address', async () => {
    const units = await board(jkpsCaseworker, { district: 'Darjeeling', sex: 'FEMALE', age: 25, availableOnly: true });
    expect(units).toEqual([
      {
        id: unitId,
        name: 'Women 18-40',
        available: 4,
        facility: { name: 'Teesta Sakhi Shelter Home', address: null, organisation: { shortName: 'TEESTA' } },
      },
    ]);
    const own = await board(teestaAdmin, { district: 'Darjeeling' });
    expect(own[0]?.facility.address).toBe('Demo address 9, Pradhan Nagar, Siliguri 734003');
  });

  it('deactivating the organisation ends its sessions and sign-ins and takes its beds off the board', async () => {
    const teestaId = await organisationId(t, 'TEESTA');
    const { setOrganisationActive } = await network.data<{ setOrganisationActive: { active: boolean } }>(
      SET_ORGANISATION_ACTIVE,
      { id: teestaId, active: false },
    );
    expect(setOrganisationActive.active).toBe(false);
    expect((await teestaAdmin.error(ME)).extensions?.['code']).toBe('UNAUTHENTICATED');
    const login = await t.anonymous().error(LOGIN, { email: 'mitali.roy@teesta-sakhi.example', password: PASSWORD });
    expect(login.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await board(jkpsCaseworker, { district: 'Darjeeling' })).toEqual([]);

    await network.data(SET_ORGANISATION_ACTIVE, { id: teestaId, active: true });
    expect(await teestaAdmin.data(ME)).toMatchObject({ me: { organisation: { shortName: 'TEESTA' } } });
    expect((await board(jkpsCaseworker, { district: 'Darjeeling' })).map((u) => u.id)).toEqual([unitId]);
    const audit = await t.sql(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [teestaId]);
    expect(audit).toEqual([
      { action: 'ORGANISATION_CREATED' },
      { action: 'ORGANISATION_DEACTIVATED' },
      { action: 'ORGANISATION_REACTIVATED' },
    ]);
  });
});

describe('a deactivated organisation', () => {
  it('leaves its referrals readable to the partner on the other side', async () => {
    const subject = await registerSubject(jkpsCaseworker, { fullName: 'Puja Demo-Fictional' });
    const mahimaId = await organisationId(t, 'MAHIMA');
    const { createReferral } = await jkpsCaseworker.data<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
      input: {
        subjectId: subject.id,
        toOrganisationId: mahimaId,
        needs: ['SHELTER'],
        urgency: 'ROUTINE',
        summary: 'Aftercare.',
      },
    });
    await network.data(SET_ORGANISATION_ACTIVE, { id: mahimaId, active: false });
    try {
      expect((await mahimaCoordinator.error(ME)).extensions?.['code']).toBe('UNAUTHENTICATED');
      const { referral } = await jkpsCaseworker.data<{ referral: ReferralView }>(REFERRAL, { id: createReferral.id });
      expect(referral).toMatchObject({
        code: createReferral.code,
        status: 'SUBMITTED',
        toOrganisation: { shortName: 'MAHIMA' },
      });
    } finally {
      await network.data(SET_ORGANISATION_ACTIVE, { id: mahimaId, active: true });
    }
    expect(await mahimaCoordinator.data(ME)).toMatchObject({ me: { organisation: { shortName: 'MAHIMA' } } });
  });
});

describe('staff without an admin role', () => {
  // Every administration operation, each with input that an admin could use.
  const operations: [string, string, () => Promise<Record<string, unknown>>][] = [
    ['users', USERS, async () => ({})],
    [
      'inviteUser',
      INVITE_USER,
      async () => ({ input: { email: 'x.fictional@jkps.example', displayName: 'X Fictional', roles: ['VIEWER'] } }),
    ],
    [
      'setUserRoles',
      SET_USER_ROLES,
      async () => ({ userId: await userId(t, 'viewer@jkps.demo'), roles: ['CASEWORKER'] }),
    ],
    ['setUserActive', SET_USER_ACTIVE, async () => ({ userId: await userId(t, 'viewer@jkps.demo'), active: false })],
    [
      'createOrganisation',
      CREATE_ORGANISATION,
      async () => ({
        input: {
          name: 'X',
          shortName: 'XNGO',
          kind: 'NGO',
          country: 'IN',
          adminEmail: 'x@x.example',
          adminDisplayName: 'X',
        },
      }),
    ],
    [
      'setOrganisationActive',
      SET_ORGANISATION_ACTIVE,
      async () => ({ id: await organisationId(t, 'MAHIMA'), active: false }),
    ],
    [
      'createFacility',
      CREATE_FACILITY,
      async () => ({
        input: {
          name: 'X',
          kind: 'SHELTER_HOME',
          district: 'Kolkata',
          state: 'West Bengal',
          country: 'IN',
          services: [],
        },
      }),
    ],
    [
      'updateFacility',
      UPDATE_FACILITY,
      async () => ({ input: { facilityId: await facilityNamed(t, 'Ashaloy Centre'), active: false } }),
    ],
    [
      'createBedUnit',
      CREATE_BED_UNIT,
      async () => ({
        input: {
          facilityId: await facilityNamed(t, 'Ashaloy Centre'),
          name: 'X',
          sex: 'FEMALE',
          minAge: 5,
          maxAge: 9,
          capacity: 2,
          occupied: 0,
        },
      }),
    ],
  ];

  it.each(operations)(
    'a JKPS caseworker calling %s is FORBIDDEN and writes nothing',
    async (_name, operation, variables) => {
      const args = await variables();
      const before = await t.snapshot();
      expect((await jkpsCaseworker.error(operation, args)).extensions?.['code']).toBe('FORBIDDEN');
      expect(await t.snapshot()).toEqual(before);
    },
  );

  it('may still change their own password (and only with the current one)', async () => {
    const before = await t.snapshot();
    const error = await jkpsCaseworker.error(CHANGE_PASSWORD, {
      currentPassword: 'not-my-password',
      newPassword: 'Hooghly-bridge-lights-4',
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['currentPassword'] });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('a network admin never sees a survivor', () => {
  it('reading a JKPS subject answers NOT_FOUND, and writes nothing (no identity read audited)', async () => {
    const subject = await registerSubject(jkpsCaseworker, { fullName: 'Anjali Demo-Fictional' });
    const before = await t.snapshot();
    const error = await network.error(SUBJECT, { id: subject.id });
    expect(error.extensions?.['code']).toBe('NOT_FOUND');
    expect(JSON.stringify(error)).not.toContain('Anjali');
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('refused organisation changes write nothing', () => {
  const input = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    name: 'Jessore Mukti Kendra',
    shortName: 'JMK',
    kind: 'FOREIGN_PARTNER',
    country: 'BD',
    region: 'Khulna',
    adminEmail: 'shirin.akter@jmk.example',
    adminDisplayName: 'Shirin Akter-Fictional',
    ...overrides,
  });

  interface Refusal {
    name: string;
    call: () => Promise<{ extensions?: Record<string, unknown> }>;
    code: string;
    fields?: string[];
  }

  const refusals: Refusal[] = [
    {
      name: 'a duplicate short name, in any case (CONFLICT)',
      call: () => network.error(CREATE_ORGANISATION, { input: input({ shortName: 'jkps' }) }),
      code: 'CONFLICT',
      fields: ['input.shortName'],
    },
    {
      name: "a first admin's email already in use (CONFLICT; the organisation is not created either)",
      call: () => network.error(CREATE_ORGANISATION, { input: input({ adminEmail: 'Admin@Mahima.demo' }) }),
      code: 'CONFLICT',
      fields: ['input.adminEmail'],
    },
    {
      name: 'a country that is not ISO 3166-1 alpha-2',
      call: () => network.error(CREATE_ORGANISATION, { input: input({ country: 'XX' }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.country'],
    },
    {
      name: 'a short name with spaces',
      call: () => network.error(CREATE_ORGANISATION, { input: input({ shortName: 'J M K' }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.shortName'],
    },
    {
      name: 'an organisation admin onboarding an organisation (FORBIDDEN)',
      call: () => jkpsAdmin.error(CREATE_ORGANISATION, { input: input() }),
      code: 'FORBIDDEN',
    },
    {
      name: 'an organisation admin deactivating another organisation (FORBIDDEN)',
      call: async () =>
        jkpsAdmin.error(SET_ORGANISATION_ACTIVE, { id: await organisationId(t, 'MAHIMA'), active: false }),
      code: 'FORBIDDEN',
    },
    {
      name: 'a network admin deactivating the secretariat itself',
      call: async () =>
        network.error(SET_ORGANISATION_ACTIVE, { id: await organisationId(t, 'SAHAYOG'), active: false }),
      code: 'BAD_USER_INPUT',
      fields: ['id'],
    },
    {
      name: 'an organisation that does not exist (NOT_FOUND)',
      call: () => network.error(SET_ORGANISATION_ACTIVE, { id: '00000000-0000-4000-8000-000000000000', active: false }),
      code: 'NOT_FOUND',
    },
    {
      name: 'a network admin inviting staff: they belong to no partner (FORBIDDEN)',
      call: () =>
        network.error(INVITE_USER, {
          input: { email: 'someone@jkps.example', displayName: 'Someone Fictional', roles: ['CASEWORKER'] },
        }),
      code: 'FORBIDDEN',
    },
    {
      name: 'a network admin creating a facility (FORBIDDEN)',
      call: () =>
        network.error(CREATE_FACILITY, {
          input: {
            name: 'X',
            kind: 'SHELTER_HOME',
            district: 'Kolkata',
            state: 'West Bengal',
            country: 'IN',
            services: [],
          },
        }),
      code: 'FORBIDDEN',
    },
    {
      name: 'a shelter coordinator onboarding an organisation (FORBIDDEN)',
      call: () => mahimaCoordinator.error(CREATE_ORGANISATION, { input: input() }),
      code: 'FORBIDDEN',
    },
    {
      name: 'an anonymous caller (UNAUTHENTICATED)',
      call: () => t.anonymous().error(CREATE_ORGANISATION, { input: input() }),
      code: 'UNAUTHENTICATED',
    },
  ];

  it.each(refusals)('$name', async ({ call, code, fields }) => {
    const before = await t.snapshot();
    const error = await call();
    expect(error.extensions?.['code']).toBe(code);
    if (fields) expect(error.extensions?.['fields']).toEqual(fields);
    expect(await t.snapshot()).toEqual(before);
  });
});
