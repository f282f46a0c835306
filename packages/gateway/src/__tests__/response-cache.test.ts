import { randomUUID } from 'node:crypto';
import { Topic } from '@sahayog/core';
import {
  ACCEPT,
  CREATE_BED_UNIT,
  CREATE_REFERRAL,
  facilityId,
  organisationId,
  registerSubject,
  SET_ORGANISATION_ACTIVE,
  TestGateway,
  unitIn,
  UPDATE_FACILITY,
  type GraphQLClient,
} from '@sahayog/testing';

const BED_BOARD = `query BedBoard($filter: BedSearch) {
  bedAvailability(filter: $filter) {
    id name capacity occupied held available version
    facility { id name address active organisation { shortName } }
  }
}`;

const SET_OCCUPIED = `mutation($id: ID!, $v: Int!, $occupied: Int!) {
  updateBedUnit(input: { unitId: $id, expectedVersion: $v, occupied: $occupied }) { id }
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

interface BedSearch {
  district?: string;
  sex?: string;
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

async function read(client: GraphQLClient, query = BED_BOARD, variables?: Record<string, unknown>): Promise<BoardRead> {
  const response = await client.request<{ bedAvailability: BoardUnit[] }>(query, variables);
  expect(response.errors).toBeUndefined();
  return { units: response.data?.bedAvailability ?? [], statements: response.extensions?.['sqlStatements'] as number };
}

/** What any signed-in request costs before it reads anything: all that an answer from the cache costs. */
async function signedInStatements(client: GraphQLClient): Promise<number> {
  return (await client.request(`{ __typename }`)).extensions?.['sqlStatements'] as number;
}

/** Reads the board twice, so that the second answer comes from the cache, and checks that it did. */
async function cachedBoard(client: GraphQLClient, filter?: BedSearch): Promise<BoardUnit[]> {
  const first = await read(client, BED_BOARD, { filter });
  return (await stillCachedBoard(client, filter, first.units)).units;
}

/** Reads the board, checking that it came from the cache (and, given them, that it has these units). */
async function stillCachedBoard(client: GraphQLClient, filter?: BedSearch, units?: BoardUnit[]): Promise<BoardRead> {
  const cached = await read(client, BED_BOARD, { filter });
  expect(cached.statements).toBe(await signedInStatements(client));
  if (units) expect(cached.units).toEqual(units);
  return cached;
}

/** Reads the board, checking that it was read again, not answered from the cache. */
async function freshBoard(client: GraphQLClient, filter?: BedSearch): Promise<BoardUnit[]> {
  const fresh = await read(client, BED_BOARD, { filter });
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
    await mahimaCoordinator.data(SET_OCCUPIED, { id: before.id, v: before.version, occupied: before.occupied - 1 });
    expect(unitOf(await freshBoard(newlightCaseworker), 'Mahima Umeed')).toMatchObject({
      id: before.id,
      occupied: before.occupied - 1,
      available: before.available + 1,
      version: before.version + 1,
    });
  });

  it('keeps the boards of other districts when a bed changes in one, and drops those that read it', async () => {
    const khulnaUnit = await unitIn(t, 'Khulna Transit Shelter');
    const kolkata = { district: 'kolkata' }; // the filter ignores case, and so must the cache
    const khulna = { district: 'Khulna' };
    const girlsEverywhere = { sex: 'FEMALE' };
    // A Kolkata facility's organisation has facilities elsewhere: this answer reads every district.
    const kolkataOrganisations = `query OrganisationsInKolkata($filter: BedSearch) {
      facilities(filter: $filter) { id organisation { facilities { units { id occupied } } } }
    }`;
    const kolkataBoard = await cachedBoard(newlightCaseworker, kolkata);
    const khulnaBoard = await cachedBoard(newlightCaseworker, khulna);
    await cachedBoard(newlightCaseworker, girlsEverywhere);
    await read(newlightCaseworker, kolkataOrganisations, { filter: kolkata });

    const bdCoordinator = await t.signIn('coordinator@bd-partner.demo');
    await bdCoordinator.data(SET_OCCUPIED, {
      id: khulnaUnit.id,
      v: khulnaUnit.version,
      occupied: khulnaUnit.occupied + 1,
    });

    await stillCachedBoard(newlightCaseworker, kolkata, kolkataBoard);
    const khulnaAfter = await freshBoard(newlightCaseworker, khulna);
    expect(khulnaAfter.find((unit) => unit.id === khulnaUnit.id)?.available).toBe(
      (khulnaBoard.find((unit) => unit.id === khulnaUnit.id)?.available as number) - 1,
    );
    await freshBoard(newlightCaseworker, girlsEverywhere);
    expect((await read(newlightCaseworker, kolkataOrganisations, { filter: kolkata })).statements).toBeGreaterThan(
      await signedInStatements(newlightCaseworker),
    );

    const umeed = unitOf(kolkataBoard, 'Mahima Umeed') as BoardUnit;
    await mahimaCoordinator.data(SET_OCCUPIED, { id: umeed.id, v: umeed.version, occupied: umeed.occupied - 1 });
    expect(unitOf(await freshBoard(newlightCaseworker, kolkata), 'Mahima Umeed')?.available).toBe(umeed.available + 1);
    await stillCachedBoard(newlightCaseworker, khulna, khulnaAfter);
  });

  it('never keeps an answer read while a bed change in its district was published, and keeps one read during a change elsewhere', async () => {
    const kolkata = { district: 'Kolkata' };
    const publishChange = (district: string): void =>
      t.gateway.contexts.platform.pubSub.publish(Topic.BED_UNIT_CHANGED, { unitId: randomUUID(), district });
    /** Reads Kolkata's board, and publishes a change while the read waits on a lock of the units' table. */
    const readWhileChanging = async (district: string): Promise<void> => {
      const lock = t.dataSource.createQueryRunner();
      await lock.connect();
      await lock.startTransaction();
      try {
        await lock.query('LOCK TABLE bed_unit IN ACCESS EXCLUSIVE MODE');
        const reading = read(newlightCaseworker, BED_BOARD, { filter: kolkata });
        while (
          !(await lock.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'bed_unit'::regclass`)).length
        ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        publishChange(district);
        await lock.commitTransaction();
        expect((await reading).statements).toBeGreaterThan(await signedInStatements(newlightCaseworker));
      } finally {
        await lock.release();
      }
    };

    publishChange('Kolkata');
    await readWhileChanging('KOLKATA');
    await freshBoard(newlightCaseworker, kolkata);
    await stillCachedBoard(newlightCaseworker, kolkata);

    publishChange('Kolkata');
    await readWhileChanging('Kathmandu');
    await stillCachedBoard(newlightCaseworker, kolkata);
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
