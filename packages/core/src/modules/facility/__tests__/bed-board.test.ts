import { TestGateway, type GraphQLClient } from '@sahayog/testing';

const BED_BOARD = `query BedBoard($filter: BedSearch) {
  bedAvailability(filter: $filter) {
    id name sex minAge maxAge capacity occupied held available version
    facility { id name district address organisation { shortName } }
  }
}`;

interface BoardUnit {
  id: string;
  name: string;
  sex: string;
  minAge: number;
  maxAge: number;
  capacity: number;
  occupied: number;
  held: number;
  available: number;
  version: number;
  facility: { id: string; name: string; district: string; address: string | null; organisation: { shortName: string } };
}

let t: TestGateway;
let mahimaCoordinator: GraphQLClient;
let newlightCaseworker: GraphQLClient;

beforeAll(async () => {
  t = await TestGateway.start();
  mahimaCoordinator = await t.signIn('coordinator@mahima.demo');
  newlightCaseworker = await t.signIn('caseworker@newlight.demo');
});
afterAll(() => t.close());

const board = async (client: GraphQLClient, filter?: Record<string, unknown>): Promise<BoardUnit[]> =>
  (await client.data<{ bedAvailability: BoardUnit[] }>(BED_BOARD, { filter })).bedAvailability;

describe('the network bed board', () => {
  it('shows every partner every unit, and a street address only to the owning organisation', async () => {
    const seenByMahima = await board(mahimaCoordinator);
    const seenByNewLight = await board(newlightCaseworker);
    expect(seenByMahima.map((u) => u.id).sort()).toEqual(seenByNewLight.map((u) => u.id).sort());
    expect(new Set(seenByMahima.map((u) => u.facility.organisation.shortName))).toEqual(
      new Set(['JKPS', 'MAHIMA', 'NEWLIGHT', 'BD-PARTNER', 'NP-PARTNER']),
    );

    for (const unit of seenByMahima) {
      if (unit.facility.organisation.shortName === 'MAHIMA') expect(unit.facility.address).toMatch(/Demo address/);
      else expect(unit.facility.address).toBeNull();
    }
    const umeed = seenByNewLight.find((u) => u.facility.name === 'Mahima Umeed');
    expect(umeed).toMatchObject({ name: 'Girls 8-12', capacity: 12, occupied: 10, held: 0, available: 2 });
    expect(umeed?.facility.address).toBeNull();
  });

  it('filters by district, sex, age, service and free beds', async () => {
    const girlOfTen = await board(newlightCaseworker, { sex: 'FEMALE', age: 10, availableOnly: true });
    expect(girlOfTen.length).toBeGreaterThan(0);
    for (const unit of girlOfTen) {
      expect(unit.sex).toBe('FEMALE');
      expect(unit.minAge).toBeLessThanOrEqual(10);
      expect(unit.maxAge).toBeGreaterThanOrEqual(10);
      expect(unit.available).toBeGreaterThan(0);
    }
    expect(girlOfTen.map((u) => u.facility.name)).toContain('Mahima Umeed');
    expect(girlOfTen.map((u) => u.facility.name)).not.toContain('Kathmandu Transit Home'); // full

    const khulna = await board(newlightCaseworker, { district: 'khulna' });
    expect(khulna.map((u) => u.facility.name)).toEqual(['Khulna Transit Shelter']);

    const legalAid = await newlightCaseworker.data<{ facilities: { name: string; services: string[] }[] }>(
      `{ facilities(filter: { service: LEGAL_AID, country: "IN" }) { name services } }`,
    );
    expect(legalAid.facilities.map((f) => f.name).sort()).toEqual(['Mahima Umang', 'New Light Rural Rescue Home']);

    const boys = await board(newlightCaseworker, { sex: 'MALE', availableOnly: true });
    expect(boys.map((u) => u.facility.name)).toEqual(["Premanand Boys' Home"]);

    // The same filters answer the same facilities on the bed board as in the facility search.
    const legalAidUnits = await board(newlightCaseworker, { service: 'LEGAL_AID', country: 'in' });
    expect([...new Set(legalAidUnits.map((u) => u.facility.name))].sort()).toEqual(
      legalAid.facilities.map((f) => f.name).sort(),
    );
    const bengal = await newlightCaseworker.data<{ facilities: { name: string }[] }>(
      `{ facilities(filter: { state: "west bengal", sex: FEMALE, availableOnly: true }) { name } }`,
    );
    const bengalUnits = await board(newlightCaseworker, { state: 'West Bengal', sex: 'FEMALE', availableOnly: true });
    expect(bengal.facilities.length).toBeGreaterThan(0);
    expect([...new Set(bengalUnits.map((u) => u.facility.name))].sort()).toEqual(
      bengal.facilities.map((f) => f.name).sort(),
    );
  });

  it("sums free beds per facility and lists an organisation's facilities", async () => {
    const { organisations } = await mahimaCoordinator.data<{
      organisations: { shortName: string; facilities: { name: string; bedsAvailable: number }[] }[];
    }>(`{ organisations { shortName facilities { name bedsAvailable } } }`);
    const newLight = organisations.find((o) => o.shortName === 'NEWLIGHT');
    expect(newLight?.facilities).toEqual([
      { name: 'New Light Kalighat Creche-cum-Shelter', bedsAvailable: 2 },
      { name: 'New Light Rural Rescue Home', bedsAvailable: 6 },
    ]);
  });
});
