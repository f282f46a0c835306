import { TestGateway, type GraphQLClient } from '@sahayog/testing';

const UPDATE = `mutation Update($input: UpdateBedUnitInput!) { updateBedUnit(input: $input) { id version } }`;
const HISTORY = `query History($filter: BedSearch, $since: DateTime, $first: Int) {
  bedAvailability(filter: $filter) {
    id name
    facility { name }
    history(since: $since, first: $first) { at reason capacity occupied held available }
  }
}`;

interface Change {
  at: string;
  reason: string;
  capacity: number;
  occupied: number;
  held: number;
  available: number;
}

interface UnitWithHistory {
  id: string;
  name: string;
  facility: { name: string };
  history: Change[];
}

const MINUTE = 60_000;

let t: TestGateway;
let mahimaCoordinator: GraphQLClient;
let newlightCaseworker: GraphQLClient;
let bdViewer: GraphQLClient;

async function umeed(): Promise<{ id: string; version: number }> {
  const [row] = await t.sql<{ id: string; version: number }>(
    `SELECT u.id, u.version FROM bed_unit u JOIN facility f ON f.id = u.facility_id WHERE f.name = 'Mahima Umeed'`,
  );
  if (!row) throw new Error('no unit in Mahima Umeed');
  return row;
}

async function historyOf(
  client: GraphQLClient,
  unitId: string,
  args: { since?: string; first?: number } = {},
): Promise<Change[]> {
  const { bedAvailability } = await client.data<{ bedAvailability: UnitWithHistory[] }>(HISTORY, {
    filter: { district: 'Kolkata' },
    ...args,
  });
  const unit = bedAvailability.find((u) => u.id === unitId);
  if (!unit) throw new Error(`unit ${unitId} is not on the bed board`);
  return unit.history;
}

beforeAll(async () => {
  t = await TestGateway.start();
  [mahimaCoordinator, newlightCaseworker, bdViewer] = await Promise.all([
    t.signIn('coordinator@mahima.demo'),
    t.signIn('caseworker@newlight.demo'),
    t.signIn('viewer@bd-partner.demo'),
  ]);
  // Umeed's edits, ten minutes apart on the test clock: occupied 10 (seeded) → 11 → 12, then capacity 14.
  for (const change of [{ occupied: 11 }, { occupied: 12 }, { capacity: 14 }]) {
    t.clock.advance(10 * MINUTE);
    const unit = await umeed();
    await mahimaCoordinator.data(UPDATE, {
      input: { unitId: unit.id, expectedVersion: unit.version, note: 'a girl arrived from CWC', ...change },
    });
  }
});
afterAll(() => t.close());

describe("a bed unit's history", () => {
  it("shows another organisation's partners the unit's counts after each change, oldest first", async () => {
    const unit = await umeed();
    for (const client of [newlightCaseworker, bdViewer, mahimaCoordinator]) {
      const history = await historyOf(client, unit.id);
      expect(history.map(({ at: _at, ...counts }) => counts)).toEqual([
        { reason: 'CREATED', capacity: 12, occupied: 10, held: 0, available: 2 },
        { reason: 'EDITED', capacity: 12, occupied: 11, held: 0, available: 1 },
        { reason: 'EDITED', capacity: 12, occupied: 12, held: 0, available: 0 },
        { reason: 'EDITED', capacity: 14, occupied: 12, held: 0, available: 2 },
      ]);
      const times = history.map((change) => Date.parse(change.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('tells neither who made a change nor its note: those may name a person or a referral', async () => {
    const { __type } = await newlightCaseworker.data<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "BedUnitChange") { fields { name } } }`,
    );
    expect(__type.fields.map((field) => field.name).sort()).toEqual(
      ['at', 'available', 'capacity', 'held', 'occupied', 'reason'].sort(),
    );
  });

  it('answers the latest `first` changes since `since`, still oldest first', async () => {
    const unit = await umeed();
    const all = await historyOf(newlightCaseworker, unit.id);
    const since = await historyOf(newlightCaseworker, unit.id, { since: all[2]?.at });
    expect(since).toEqual(all.slice(2));

    const latestTwo = await historyOf(newlightCaseworker, unit.id, { first: 2 });
    expect(latestTwo.map((change) => [change.capacity, change.occupied])).toEqual([
      [12, 12],
      [14, 12],
    ]);
    expect(
      await historyOf(newlightCaseworker, unit.id, { since: new Date(Date.now() + 60 * MINUTE).toISOString() }),
    ).toEqual([]);
  });

  it('costs the same number of statements for one unit as for the whole network', async () => {
    const statements = async (filter: Record<string, unknown>): Promise<{ count: number; units: number }> => {
      const response = await newlightCaseworker.request<{ bedAvailability: UnitWithHistory[] }>(HISTORY, { filter });
      expect(response.errors).toBeUndefined();
      return {
        count: response.extensions?.['sqlStatements'] as number,
        units: response.data?.bedAvailability.length ?? 0,
      };
    };
    const one = await statements({ district: 'Khulna' });
    const all = await statements({});
    expect(one.units).toBe(1);
    expect(all.units).toBeGreaterThan(5);
    expect(all.count).toBe(one.count);
  });

  it.each([
    { name: 'first: 0', variables: { first: 0 }, fields: ['first'] },
    { name: 'first: -5', variables: { first: -5 }, fields: ['first'] },
    { name: 'a since that is no date', variables: { since: 'yesterday' }, fields: ['since'] },
  ])('refuses $name with BAD_USER_INPUT and writes nothing', async ({ variables, fields }) => {
    const before = await t.snapshot();
    const error = await newlightCaseworker.error(HISTORY, { filter: { district: 'Khulna' }, ...variables });
    expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error.extensions?.['fields']).toEqual(fields);
    expect(await t.snapshot()).toEqual(before);
  });

  it('is not for anyone signed out', async () => {
    const error = await t.anonymous().error(HISTORY, {});
    expect(error.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('bedUnit(id): one unit and its history, as the bed board shows it', () => {
  const UNIT = `query Unit($id: ID!) {
    bedUnit(id: $id) { id name capacity occupied facility { name } history(first: 2) { reason occupied } }
  }`;

  it("answers another organisation's unit with its latest changes", async () => {
    const unit = await umeed();
    const { bedUnit } = await bdViewer.data<{ bedUnit: Record<string, unknown> }>(UNIT, { id: unit.id });
    expect(bedUnit).toEqual({
      id: unit.id,
      name: 'Girls 8-12',
      capacity: 14,
      occupied: 12,
      facility: { name: 'Mahima Umeed' },
      history: [
        { reason: 'EDITED', occupied: 12 },
        { reason: 'EDITED', occupied: 12 },
      ],
    });
  });

  it('is NOT_FOUND to other organisations once its facility is off the bed board, not to its own', async () => {
    const unit = await umeed();
    await t.sql(`UPDATE facility SET active = false WHERE name = 'Mahima Umeed'`);
    try {
      const before = await t.snapshot();
      const error = await newlightCaseworker.error(UNIT, { id: unit.id });
      expect(error.extensions?.['code']).toBe('NOT_FOUND');
      expect(await t.snapshot()).toEqual(before);
      const own = await mahimaCoordinator.data<{ bedUnit: { id: string } }>(UNIT, { id: unit.id });
      expect(own.bedUnit.id).toBe(unit.id);
    } finally {
      await t.sql(`UPDATE facility SET active = true WHERE name = 'Mahima Umeed'`);
    }
  });

  it.each([
    { name: 'an unknown id', id: '00000000-0000-4000-8000-000000000000', code: 'NOT_FOUND' },
    { name: 'an id that is no UUID', id: "1'; DROP TABLE bed_unit --", code: 'BAD_USER_INPUT' },
  ])('refuses $name, writing nothing', async ({ id, code }) => {
    const before = await t.snapshot();
    const error = await newlightCaseworker.error(UNIT, { id });
    expect(error.extensions?.['code']).toBe(code);
    expect(await t.snapshot()).toEqual(before);
  });

  it('is not for anyone signed out either', async () => {
    const unit = await umeed();
    const error = await t.anonymous().error(UNIT, { id: unit.id });
    expect(error.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
