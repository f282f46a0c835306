import { TestGateway, type GraphQLClient } from '@sahayog/testing';

const UPDATE = `mutation Update($input: UpdateBedUnitInput!) {
  updateBedUnit(input: $input) { id capacity occupied held available version }
}`;

let t: TestGateway;
let mahimaCoordinator: GraphQLClient;
let mahimaAdmin: GraphQLClient;
let mahimaViewer: GraphQLClient;
let newlightCoordinator: GraphQLClient;

async function unitOf(
  facility: string,
): Promise<{ id: string; version: number; capacity: number; occupied: number; held: number }> {
  const [row] = await t.sql<{ id: string; version: number; capacity: number; occupied: number; held: number }>(
    `SELECT u.id, u.version, u.capacity, u.occupied, u.held FROM bed_unit u JOIN facility f ON f.id = u.facility_id
      WHERE f.name = $1 ORDER BY u.name LIMIT 1`,
    [facility],
  );
  if (!row) throw new Error(`no unit in ${facility}`);
  return row;
}

beforeAll(async () => {
  t = await TestGateway.start();
  [mahimaCoordinator, mahimaAdmin, mahimaViewer, newlightCoordinator] = await Promise.all([
    t.signIn('coordinator@mahima.demo'),
    t.signIn('admin@mahima.demo'),
    t.signIn('viewer@mahima.demo'),
    t.signIn('coordinator@newlight.demo'),
  ]);
});
afterAll(() => t.close());

describe('a coordinator keeps their own units current', () => {
  it('updates the counts, bumps the version, keeps history and an audit entry', async () => {
    const unit = await unitOf('Mahima Umeed');
    const data = await mahimaCoordinator.data<{ updateBedUnit: Record<string, number> }>(UPDATE, {
      input: { unitId: unit.id, expectedVersion: unit.version, occupied: 11, note: 'one girl arrived from CWC' },
    });
    expect(data.updateBedUnit).toMatchObject({
      capacity: 12,
      occupied: 11,
      held: 0,
      available: 1,
      version: unit.version + 1,
    });

    const history = await t.sql<{ before: object; after: object; note: string; actor: string }>(
      `SELECT h.before, h.after, h.note, u.email AS actor FROM bed_unit_history h JOIN app_user u ON u.id = h.actor_user_id
        WHERE h.bed_unit_id = $1 AND h.reason = 'EDITED'`,
      [unit.id],
    );
    expect(history).toEqual([
      {
        before: { capacity: 12, occupied: 10, held: 0 },
        after: { capacity: 12, occupied: 11, held: 0 },
        note: 'one girl arrived from CWC',
        actor: 'coordinator@mahima.demo',
      },
    ]);
    const audit = await t.sql(`SELECT action FROM audit_event WHERE entity_id = $1`, [unit.id]);
    expect(audit).toEqual([{ action: 'BED_UNIT_UPDATED' }]);
  });

  it('lets the organisation admin edit too', async () => {
    const unit = await unitOf('Mahima Umang');
    const data = await mahimaAdmin.data<{ updateBedUnit: Record<string, number> }>(UPDATE, {
      input: { unitId: unit.id, expectedVersion: unit.version, capacity: 15 },
    });
    expect(data.updateBedUnit).toMatchObject({ capacity: 15, version: unit.version + 1 });
  });
});

describe('refused updates write nothing', () => {
  interface Refusal {
    name: string;
    as: () => GraphQLClient;
    input: (unit: { id: string; version: number }) => Record<string, unknown>;
    code: string;
    fields?: string[];
  }
  const refusals: Refusal[] = [
    {
      name: "another organisation's unit (NOT_FOUND)",
      as: () => newlightCoordinator,
      input: (u) => ({ unitId: u.id, expectedVersion: u.version, occupied: 0 }),
      code: 'NOT_FOUND',
    },
    {
      name: 'a viewer of the owning organisation (FORBIDDEN)',
      as: () => mahimaViewer,
      input: (u) => ({ unitId: u.id, expectedVersion: u.version, occupied: 0 }),
      code: 'FORBIDDEN',
    },
    {
      name: 'capacity -1',
      as: () => mahimaCoordinator,
      input: (u) => ({ unitId: u.id, expectedVersion: u.version, capacity: -1 }),
      code: 'BAD_USER_INPUT',
      fields: ['input.capacity'],
    },
    {
      name: 'a 100 kB note',
      as: () => mahimaCoordinator,
      input: (u) => ({ unitId: u.id, expectedVersion: u.version, note: 'x'.repeat(100_000) }),
      code: 'BAD_USER_INPUT',
      fields: ['input.note'],
    },
    {
      name: 'a non-UUID id',
      as: () => mahimaCoordinator,
      input: (u) => ({ unitId: 'unit-1; DROP TABLE bed_unit', expectedVersion: u.version, occupied: 1 }),
      code: 'BAD_USER_INPUT',
      fields: ['input.unitId'],
    },
    {
      name: 'a stale version (CONFLICT)',
      as: () => mahimaCoordinator,
      input: (u) => ({ unitId: u.id, expectedVersion: u.version - 1, occupied: 1 }),
      code: 'CONFLICT',
    },
    {
      name: 'capacity below occupied',
      as: () => mahimaCoordinator,
      input: (u) => ({ unitId: u.id, expectedVersion: u.version, capacity: 3 }),
      code: 'BAD_USER_INPUT',
      fields: ['input.capacity'],
    },
    {
      name: 'occupied above capacity',
      as: () => mahimaCoordinator,
      input: (u) => ({ unitId: u.id, expectedVersion: u.version, occupied: 99 }),
      code: 'BAD_USER_INPUT',
      fields: ['input.occupied'],
    },
  ];

  beforeAll(async () => {
    // Move the version on once, so that "the version before" is a real, stale one.
    const unit = await unitOf('Mahima Udaan');
    await mahimaCoordinator.data(UPDATE, { input: { unitId: unit.id, expectedVersion: unit.version, occupied: 9 } });
  });

  it.each(refusals)('$name', async ({ as, input, code, fields }) => {
    const unit = await unitOf('Mahima Udaan');
    const before = await t.snapshot();
    const error = await as().error(UPDATE, { input: input(unit) });
    expect(error.extensions?.['code']).toBe(code);
    if (fields) expect(error.extensions?.['fields']).toEqual(fields);
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|\.ts:\d+/);
    expect(await t.snapshot()).toEqual(before);
  });

  it('answers a version conflict with the current numbers, so the coordinator can review them', async () => {
    const unit = await unitOf('Mahima Udaan');
    const error = await mahimaCoordinator.error(UPDATE, {
      input: { unitId: unit.id, expectedVersion: unit.version + 5, occupied: 1 },
    });
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      current: { capacity: unit.capacity, occupied: unit.occupied, held: unit.held, version: unit.version },
    });
  });

  it('the CHECK constraint stands behind the service', async () => {
    const unit = await unitOf('Mahima Udaan');
    await expect(t.sql(`UPDATE bed_unit SET occupied = capacity + 1 WHERE id = $1`, [unit.id])).rejects.toThrow(
      /bed_unit_beds/,
    );
    await expect(t.sql(`UPDATE bed_unit SET held = -1 WHERE id = $1`, [unit.id])).rejects.toThrow(/bed_unit_beds/);
  });
});

describe('bedAvailabilityChanged', () => {
  it('reaches subscribers in that district over graphql-ws, and not those watching another', async () => {
    const unit = await unitOf('New Light Rural Rescue Home');
    const subscriptions = mahimaCoordinator.subscriptions();
    const query = `subscription Watch($district: String) { bedAvailabilityChanged(district: $district) { id occupied available facility { name } } }`;
    const south = subscriptions.subscribe<{ bedAvailabilityChanged: { id: string; occupied: number } }>(query, {
      district: 'South 24 Parganas',
    });
    const khulna = subscriptions.subscribe(query, { district: 'Khulna' });
    await subscriptions.connected();
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      await newlightCoordinator.data(UPDATE, {
        input: { unitId: unit.id, expectedVersion: unit.version, occupied: 20 },
      });
      const event = await south.next();
      expect(event.errors).toBeUndefined();
      expect(event.data?.bedAvailabilityChanged).toMatchObject({ id: unit.id, occupied: 20 });
      expect(await khulna.quietFor(500)).toBe(true);
    } finally {
      south.stop();
      khulna.stop();
      await subscriptions.close();
    }
  });

  it('refuses a subscriber without a valid token', async () => {
    const subscriptions = t.withToken('forged.token.value').subscriptions();
    const watch = subscriptions.subscribe(`subscription { bedAvailabilityChanged { id } }`);
    try {
      const event = await watch.next();
      expect(event.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    } finally {
      watch.stop();
      await subscriptions.close();
    }
  });
});
