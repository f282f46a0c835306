import {
  CANCEL,
  CREATE_BED_UNIT,
  CREATE_FACILITY,
  UPDATE_FACILITY,
  TestGateway,
  facilityId,
  holdBed,
  type GraphQLClient,
  type ReferralView,
} from '@sahayog/testing';

const FACILITY = `query($id: ID!) { facility(id: $id) { id name district address services active } }`;
const BOARD = `query($filter: BedSearch) { bedAvailability(filter: $filter) { id facility { name } } }`;

interface FacilityView {
  id: string;
  name: string;
  district: string;
  address: string | null;
  services: string[];
  active: boolean;
}

let t: TestGateway;
let mahimaAdmin: GraphQLClient;
let mahimaCoordinator: GraphQLClient;
let newlightAdmin: GraphQLClient;
let jkpsCaseworker: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  [mahimaAdmin, mahimaCoordinator, newlightAdmin, jkpsCaseworker] = await Promise.all([
    t.signIn('admin@mahima.demo'),
    t.signIn('coordinator@mahima.demo'),
    t.signIn('admin@newlight.demo'),
    t.signIn('caseworker@jkps.demo'),
  ]);
});
afterAll(() => t.close());

const facility = async (client: GraphQLClient, id: string): Promise<FacilityView> =>
  (await client.data<{ facility: FacilityView }>(FACILITY, { id })).facility;

const boardNames = async (client: GraphQLClient): Promise<string[]> =>
  (await client.data<{ bedAvailability: { facility: { name: string } }[] }>(BOARD, {})).bedAvailability.map(
    (u) => u.facility.name,
  );

/** The facilities listed under an organisation, as the caller sees it. */
const listedUnder = async (client: GraphQLClient, shortName: string): Promise<string[]> =>
  (
    await client.data<{ organisations: { shortName: string; facilities: { name: string }[] }[] }>(
      `{ organisations { shortName facilities { name } } }`,
    )
  ).organisations
    .filter((organisation) => organisation.shortName === shortName)
    .flatMap((organisation) => organisation.facilities.map((facility) => facility.name));

describe('an organisation admin keeps its facilities current', () => {
  it('renames, moves and re-addresses a facility; other partners never see the address', async () => {
    const id = await facilityId(t, 'New Light Rural Rescue Home');
    const { updateFacility } = await newlightAdmin.data<{ updateFacility: FacilityView }>(UPDATE_FACILITY, {
      input: {
        facilityId: id,
        name: 'New Light Rural Rescue and Training Home',
        address: 'Demo address 12, Baruipur 743610',
        services: ['SHELTER', 'VOCATIONAL_TRAINING', 'LEGAL_AID'],
      },
    });
    expect(updateFacility).toMatchObject({
      name: 'New Light Rural Rescue and Training Home',
      address: 'Demo address 12, Baruipur 743610',
      services: ['SHELTER', 'VOCATIONAL_TRAINING', 'LEGAL_AID'],
      active: true,
    });
    expect((await facility(mahimaAdmin, id)).address).toBeNull();

    // Absent fields stay; an explicit null removes the address.
    const cleared = await newlightAdmin.data<{ updateFacility: FacilityView }>(UPDATE_FACILITY, {
      input: { facilityId: id, address: null },
    });
    expect(cleared.updateFacility).toMatchObject({ name: 'New Light Rural Rescue and Training Home', address: null });

    const audit = await t.sql(
      `SELECT a.detail->'fields' AS fields, u.email AS actor FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.action = 'FACILITY_UPDATED' AND a.entity_id = $1 ORDER BY a.id`,
      [id],
    );
    expect(audit).toEqual([
      { fields: ['name', 'address', 'services'], actor: 'admin@newlight.demo' },
      { fields: ['address'], actor: 'admin@newlight.demo' },
    ]);
    expect(JSON.stringify(await t.sql(`SELECT detail FROM audit_event`))).not.toContain('Baruipur');
  });

  it('refuses to deactivate a facility holding beds for accepted referrals, naming them; allows it once released', async () => {
    const umeed = await facilityId(t, 'Mahima Umeed');
    const parties = { caseworker: jkpsCaseworker, coordinator: mahimaCoordinator, toOrganisation: 'MAHIMA' };
    const held: ReferralView[] = [];
    for (const fullName of ['Tumpa Demo-Fictional', 'Jhuma Demo-Fictional']) {
      held.push(await holdBed(t, parties, 'Mahima Umeed', fullName));
    }

    const before = await t.snapshot();
    const error = await mahimaAdmin.error(UPDATE_FACILITY, { input: { facilityId: umeed, active: false } });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.active'],
      reason: 'BEDS_HELD',
      referrals: held.map((referral) => referral.code).sort(),
    });
    for (const referral of held) expect(error.message).toContain(referral.code);
    expect(await t.snapshot()).toEqual(before);

    for (const referral of held) {
      await mahimaAdmin.data(CANCEL, { id: referral.id, reason: 'The home is closing for repairs.' });
    }
    const { updateFacility } = await mahimaAdmin.data<{ updateFacility: FacilityView }>(UPDATE_FACILITY, {
      input: { facilityId: umeed, active: false },
    });
    expect(updateFacility.active).toBe(false);
    expect(await boardNames(jkpsCaseworker)).not.toContain('Mahima Umeed');
    expect(await listedUnder(jkpsCaseworker, 'MAHIMA')).not.toContain('Mahima Umeed');
    // Its own organisation still finds it, to reopen it.
    expect((await facility(mahimaAdmin, umeed)).active).toBe(false);
    expect(await listedUnder(mahimaAdmin, 'MAHIMA')).toContain('Mahima Umeed');
    await mahimaAdmin.data(UPDATE_FACILITY, { input: { facilityId: umeed, active: true } });
    expect(await boardNames(jkpsCaseworker)).toContain('Mahima Umeed');
  });

  it('creates a facility, private address and all, that appears on the board with its first unit', async () => {
    const { createFacility } = await newlightAdmin.data<{ createFacility: FacilityView }>(CREATE_FACILITY, {
      input: {
        name: 'New Light Sunderbans Transit Centre',
        kind: 'TRANSIT_CENTRE',
        district: 'South 24 Parganas',
        state: 'West Bengal',
        country: 'IN',
        address: 'Demo address 3, Canning 743329',
        services: ['SHELTER', 'FAMILY_TRACING'],
      },
    });
    expect(await boardNames(jkpsCaseworker)).not.toContain('New Light Sunderbans Transit Centre');
    await newlightAdmin.data(CREATE_BED_UNIT, {
      input: {
        facilityId: createFacility.id,
        name: 'Girls 12-17',
        sex: 'FEMALE',
        minAge: 12,
        maxAge: 17,
        capacity: 4,
        occupied: 0,
      },
    });
    expect(await boardNames(jkpsCaseworker)).toContain('New Light Sunderbans Transit Centre');
    expect((await facility(jkpsCaseworker, createFacility.id)).address).toBeNull();
  });
});

describe('refused facility and unit changes write nothing', () => {
  interface Refusal {
    name: string;
    call: () => Promise<{ extensions?: Record<string, unknown> }>;
    code: string;
    fields?: string[];
  }
  const unit = async (overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> => ({
    facilityId: await facilityId(t, 'Mahima Umang'),
    name: 'Girls 15-17 annexe',
    sex: 'FEMALE',
    minAge: 15,
    maxAge: 17,
    capacity: 5,
    occupied: 1,
    ...overrides,
  });
  const newFacility = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    name: 'Mahima Uday',
    kind: 'CHILDREN_HOME',
    district: 'Kolkata',
    state: 'West Bengal',
    country: 'IN',
    services: ['SHELTER'],
    ...overrides,
  });

  const refusals: Refusal[] = [
    {
      name: 'minAge above maxAge',
      call: async () => mahimaAdmin.error(CREATE_BED_UNIT, { input: await unit({ minAge: 17, maxAge: 15 }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.minAge', 'input.maxAge'],
    },
    {
      name: 'occupied above capacity',
      call: async () => mahimaAdmin.error(CREATE_BED_UNIT, { input: await unit({ capacity: 3, occupied: 4 }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.capacity', 'input.occupied'],
    },
    {
      name: 'both at once, both named',
      call: async () =>
        mahimaAdmin.error(CREATE_BED_UNIT, { input: await unit({ minAge: 17, maxAge: 15, capacity: 3, occupied: 4 }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.minAge', 'input.maxAge', 'input.capacity', 'input.occupied'],
    },
    {
      name: 'negative occupied beds',
      call: async () => mahimaAdmin.error(CREATE_BED_UNIT, { input: await unit({ occupied: -1 }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.occupied'],
    },
    {
      name: 'an age over 120',
      call: async () => mahimaAdmin.error(CREATE_BED_UNIT, { input: await unit({ maxAge: 121 }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.maxAge'],
    },
    {
      name: 'a blank unit name',
      call: async () => mahimaAdmin.error(CREATE_BED_UNIT, { input: await unit({ name: '  ' }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.name'],
    },
    {
      name: "a unit in another organisation's facility (NOT_FOUND)",
      call: async () => newlightAdmin.error(CREATE_BED_UNIT, { input: await unit() }),
      code: 'NOT_FOUND',
    },
    {
      name: 'a coordinator adding a unit (FORBIDDEN)',
      call: async () => mahimaCoordinator.error(CREATE_BED_UNIT, { input: await unit() }),
      code: 'FORBIDDEN',
    },
    {
      name: 'a country that is not ISO 3166-1 alpha-2',
      call: () => mahimaAdmin.error(CREATE_FACILITY, { input: newFacility({ country: 'IND' }) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.country'],
    },
    {
      name: 'a coordinator creating a facility (FORBIDDEN)',
      call: () => mahimaCoordinator.error(CREATE_FACILITY, { input: newFacility() }),
      code: 'FORBIDDEN',
    },
    {
      name: "updating another organisation's facility (NOT_FOUND)",
      call: async () =>
        newlightAdmin.error(UPDATE_FACILITY, {
          input: { facilityId: await facilityId(t, 'Mahima Umang'), name: 'Taken over' },
        }),
      code: 'NOT_FOUND',
    },
    {
      name: "deactivating another organisation's facility (NOT_FOUND)",
      call: async () =>
        newlightAdmin.error(UPDATE_FACILITY, {
          input: { facilityId: await facilityId(t, 'Mahima Umang'), active: false },
        }),
      code: 'NOT_FOUND',
    },
    {
      name: 'a blank facility name',
      call: async () =>
        mahimaAdmin.error(UPDATE_FACILITY, { input: { facilityId: await facilityId(t, 'Mahima Umang'), name: ' ' } }),
      code: 'BAD_USER_INPUT',
      fields: ['input.name'],
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
