import {
  ACCEPT,
  CREATE_BED_UNIT,
  CREATE_REFERRAL,
  facilityId,
  organisationId,
  registerSubject,
  SET_ORGANISATION_ACTIVE,
  TestGateway,
  UPDATE_FACILITY,
  type GraphQLClient,
} from '@sahayog/testing';

const BED_BOARD = `query BedBoard($filter: BedSearch) {
  bedAvailability(filter: $filter) {
    id name capacity occupied held available version
    facility { id name address active organisation { shortName } }
  }
}`;

interface BoardUnit {
  id: string;
  name: string;
  capacity: number;
  occupied: number;
  held: number;
  available: number;
  version: number;
  facility: { id: string; name: string; address: string | null; active: boolean; organisation: { shortName: string } };
}

interface BoardRead {
  units: BoardUnit[];
  /** The statements of the request: an answer from the cache skips the bed board's own. */
  statements: number;
}

let t: TestGateway;
let newlightCaseworker: GraphQLClient;
let mahimaCoordinator: GraphQLClient;
let mahimaAdmin: GraphQLClient;
let networkAdmin: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  newlightCaseworker = await t.signIn('caseworker@newlight.demo');
  mahimaCoordinator = await t.signIn('coordinator@mahima.demo');
  mahimaAdmin = await t.signIn('admin@mahima.demo');
  networkAdmin = await t.signIn('network@sahayog.demo');
});
afterAll(() => t.close());

async function read(client: GraphQLClient, query = BED_BOARD): Promise<BoardRead> {
  const response = await client.request<{ bedAvailability: BoardUnit[] }>(query);
  expect(response.errors).toBeUndefined();
  return { units: response.data?.bedAvailability ?? [], statements: response.extensions?.['sqlStatements'] as number };
}

/** What any signed-in request costs before it reads anything: all that an answer from the cache costs. */
async function signedInStatements(client: GraphQLClient): Promise<number> {
  return (await client.request(`{ __typename }`)).extensions?.['sqlStatements'] as number;
}

/** Reads the board twice, so that the second answer comes from the cache, and checks that it did. */
async function cachedBoard(client: GraphQLClient): Promise<BoardUnit[]> {
  const first = await read(client);
  const cached = await read(client);
  expect(cached.statements).toBe(await signedInStatements(client));
  expect(cached.units).toEqual(first.units);
  return cached.units;
}

/** Reads the board, checking that it was read again, not answered from the cache. */
async function freshBoard(client: GraphQLClient): Promise<BoardUnit[]> {
  const fresh = await read(client);
  expect(fresh.statements).toBeGreaterThan(await signedInStatements(client));
  return fresh.units;
}

const unitOf = (units: BoardUnit[], facilityName: string): BoardUnit | undefined =>
  units.find((unit) => unit.facility.name === facilityName);

const addressesOf = (units: BoardUnit[]): Record<string, string | null> =>
  Object.fromEntries(units.map((unit) => [unit.facility.organisation.shortName, unit.facility.address]));

/** Deactivates and reactivates, checking that a cached board follows each step at once. */
async function expectOffTheBoardAndBack(
  facilityName: string,
  setActive: (active: boolean) => Promise<unknown>,
): Promise<void> {
  expect(unitOf(await cachedBoard(newlightCaseworker), facilityName)).toBeDefined();
  await setActive(false);
  try {
    expect(unitOf(await freshBoard(newlightCaseworker), facilityName)).toBeUndefined();
    expect(unitOf(await cachedBoard(newlightCaseworker), facilityName)).toBeUndefined();
  } finally {
    await setActive(true);
  }
  expect(unitOf(await freshBoard(newlightCaseworker), facilityName)).toBeDefined();
}

describe('the response cache of the bed board', () => {
  it('keeps one answer per organisation: each sees the addresses of its own facilities only', async () => {
    const seenByNewLight = addressesOf(await cachedBoard(newlightCaseworker));
    const seenByMahima = addressesOf(await cachedBoard(mahimaCoordinator));
    const seenByNetworkAdmin = addressesOf(await cachedBoard(networkAdmin));

    expect(seenByNewLight['NEWLIGHT']).toMatch(/Demo address/);
    expect(seenByNewLight['MAHIMA']).toBeNull();
    expect(seenByMahima['MAHIMA']).toMatch(/Demo address/);
    expect(seenByMahima['NEWLIGHT']).toBeNull();
    expect(Object.values(seenByNetworkAdmin).every((address) => address === null)).toBe(true);
    expect(addressesOf((await read(newlightCaseworker)).units)).toEqual(seenByNewLight);
  });

  it('answers with the new counts once a coordinator has updated a unit', async () => {
    const before = unitOf(await cachedBoard(newlightCaseworker), 'Mahima Umeed') as BoardUnit;
    await mahimaCoordinator.data(
      `mutation($id: ID!, $v: Int!, $occupied: Int!) {
         updateBedUnit(input: { unitId: $id, expectedVersion: $v, occupied: $occupied }) { id }
       }`,
      { id: before.id, v: before.version, occupied: before.occupied - 1 },
    );
    expect(unitOf(await freshBoard(newlightCaseworker), 'Mahima Umeed')).toMatchObject({
      id: before.id,
      occupied: before.occupied - 1,
      available: before.available + 1,
      version: before.version + 1,
    });
  });

  it('lists a new unit once it is created', async () => {
    const facility = unitOf(await cachedBoard(newlightCaseworker), 'Mahima Umang')?.facility as BoardUnit['facility'];
    const created = await mahimaAdmin.data<{ createBedUnit: { id: string } }>(CREATE_BED_UNIT, {
      input: {
        facilityId: facility.id,
        name: 'Girls 6-9',
        sex: 'FEMALE',
        minAge: 6,
        maxAge: 9,
        capacity: 4,
        occupied: 1,
      },
    });
    const units = await freshBoard(newlightCaseworker);
    expect(units.find((unit) => unit.id === created.createBedUnit.id)).toMatchObject({
      name: 'Girls 6-9',
      available: 3,
    });
  });

  it('drops a deactivated facility from other organisations’ boards, and shows it again when reopened', async () => {
    const udaan = await facilityId(t, 'Mahima Udaan');
    await expectOffTheBoardAndBack('Mahima Udaan', (active) =>
      mahimaAdmin.data(UPDATE_FACILITY, { input: { facilityId: udaan, active } }),
    );
  });

  it("drops a deactivated organisation's facilities, and shows them again when it is reactivated", async () => {
    const nepal = await organisationId(t, 'NP-PARTNER');
    await expectOffTheBoardAndBack('Kathmandu Transit Home', (active) =>
      networkAdmin.data(SET_ORGANISATION_ACTIVE, { id: nepal, active }),
    );
  });

  it('leaves reads of other fields to execution every time', async () => {
    const withHistory = `query BoardWithHistory { bedAvailability { id history(first: 1) { at } } }`;
    await read(newlightCaseworker, withHistory);
    expect((await read(newlightCaseworker, withHistory)).statements).toBeGreaterThan(
      await signedInStatements(newlightCaseworker),
    );
  });

  // Last: it moves the clock on past every token's expiry.
  it('frees a held bed on the board when maintenance expires the hold', async () => {
    const jkpsCaseworker = await t.signIn('caseworker@jkps.demo');
    const umeed = await facilityId(t, 'Mahima Umeed');
    const { id: unitId } = unitOf((await read(newlightCaseworker)).units, 'Mahima Umeed') as BoardUnit;
    const subject = await registerSubject(jkpsCaseworker);
    const { createReferral } = await jkpsCaseworker.data<{ createReferral: { id: string } }>(CREATE_REFERRAL, {
      input: {
        subjectId: subject.id,
        toOrganisationId: await organisationId(t, 'MAHIMA'),
        toFacilityId: umeed,
        needs: ['SHELTER'],
        urgency: 'URGENT',
        summary: 'Fictional girl of ten; a placement is asked for tonight.',
      },
    });
    await mahimaCoordinator.data(ACCEPT, { id: createReferral.id, unitId });
    t.clock.advance(73 * 3_600_000);
    // Tokens have expired too, 73 hours on.
    const reader = await t.signIn('caseworker@newlight.demo');
    const held = (await cachedBoard(reader)).find((unit) => unit.id === unitId) as BoardUnit;

    expect(await t.expireHolds()).toBeGreaterThan(0);
    expect((await freshBoard(reader)).find((unit) => unit.id === unitId)).toMatchObject({
      held: held.held - 1,
      available: held.available + 1,
    });
  });
});
