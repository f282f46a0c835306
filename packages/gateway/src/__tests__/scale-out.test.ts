import { randomUUID } from 'node:crypto';
import { TestGateway, unitIn, type Replica } from '@sahayog/testing';

/**
 * Two gateway replicas on one database and one Redis, as behind a load balancer. Needs a Redis server:
 * TEST_REDIS_URL (CI sets it to the machine's Redis); without it these tests are skipped.
 */
const redisUrl = process.env['TEST_REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;

const SET_OCCUPIED = `mutation($id: ID!, $v: Int!, $o: Int!) { updateBedUnit(input: { unitId: $id, expectedVersion: $v, occupied: $o }) { id } }`;
const FAILED_LOGIN = `mutation($email: String!) { login(email: $email, password: "wrong-password") { accessToken } }`;

describeWithRedis('gateway replicas sharing Redis', () => {
  let t: TestGateway;
  let replica: Replica;

  beforeAll(async () => {
    t = await TestGateway.start({ redisUrl, throttleLimits: { perAccount: 3, perAddress: 1000, windowSeconds: 60 } });
    replica = await t.startReplica();
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  it('delivers a bed update made through one replica to a subscriber on the other', async () => {
    const coordinator = await t.signIn('coordinator@newlight.demo');
    const watcher = replica.withToken((await t.signIn('caseworker@jkps.demo')).token as string).subscriptions();
    const events = watcher.subscribe<{ bedAvailabilityChanged: { id: string; occupied: number } }>(
      `subscription { bedAvailabilityChanged(district: "South 24 Parganas") { id occupied } }`,
    );
    await watcher.connected();
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      const unit = await unitIn(t, 'New Light Rural Rescue Home');
      await coordinator.data(SET_OCCUPIED, { id: unit.id, v: unit.version, o: 21 });
      expect((await events.next()).data?.bedAvailabilityChanged).toEqual({ id: unit.id, occupied: 21 });
    } finally {
      events.stop();
      await watcher.close();
    }
  });

  it("drops the other replica's cached bed board when a unit is updated through one", async () => {
    const coordinator = await t.signIn('coordinator@newlight.demo');
    const reader = replica.withToken((await t.signIn('caseworker@jkps.demo')).token as string);
    const board = `query BedBoard { bedAvailability(filter: { district: "South 24 Parganas" }) { id occupied version } }`;
    type Board = { bedAvailability: { id: string; occupied: number; version: number }[] };
    const { id } = await unitIn(t, 'New Light Rural Rescue Home');
    const signedIn = (await reader.request(`{ __typename }`)).extensions?.['sqlStatements'];
    await reader.data(board);
    // No `t.sql` from here on: it would empty the caches itself.
    const cached = await reader.request<Board>(board);
    expect(cached.extensions?.['sqlStatements']).toBe(signedIn);
    const unit = cached.data?.bedAvailability.find((u) => u.id === id) as Board['bedAvailability'][number];

    // The replica's subscriber hears of the update from Redis in the same delivery that invalidates its cache.
    const watcher = reader.subscriptions();
    const events = watcher.subscribe<{ bedAvailabilityChanged: { id: string } }>(
      `subscription { bedAvailabilityChanged(district: "South 24 Parganas") { id } }`,
    );
    await watcher.connected();
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      await coordinator.data(SET_OCCUPIED, { id, v: unit.version, o: unit.occupied + 1 });
      await events.next();
    } finally {
      events.stop();
      await watcher.close();
    }
    const fresh = await reader.data<Board>(board);
    expect(fresh.bedAvailability.find((u) => u.id === id)).toEqual({
      id,
      occupied: unit.occupied + 1,
      version: unit.version + 1,
    });
  });

  it('counts failed sign-ins across replicas', async () => {
    const email = `nobody-${randomUUID()}@nowhere.demo`;
    const second = replica.withToken('');
    for (const client of [t.anonymous(), second, t.anonymous()]) {
      expect((await client.error(FAILED_LOGIN, { email })).extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    expect((await second.error(FAILED_LOGIN, { email })).extensions?.['code']).toBe('RATE_LIMITED');
  });

  it('keeps another deployment on the same Redis apart: it neither hears these events nor counts these sign-ins', async () => {
    const other = await TestGateway.start({
      redisUrl,
      throttleLimits: { perAccount: 3, perAddress: 1000, windowSeconds: 60 },
    });
    const watch = async (gateway: TestGateway) => {
      const watcher = gateway.withToken((await gateway.signIn('caseworker@jkps.demo')).token as string).subscriptions();
      const events = watcher.subscribe<{ bedAvailabilityChanged: { occupied: number } }>(
        `subscription { bedAvailabilityChanged(district: "South 24 Parganas") { occupied } }`,
      );
      await watcher.connected();
      return { watcher, events };
    };
    const here = await watch(t);
    const there = await watch(other);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const occupy = async (gateway: TestGateway, occupied: number): Promise<void> => {
      const unit = await unitIn(gateway, 'New Light Rural Rescue Home');
      await (
        await gateway.signIn('coordinator@newlight.demo')
      ).data(SET_OCCUPIED, { id: unit.id, v: unit.version, o: occupied });
    };
    try {
      await occupy(t, 5);
      // Heard here, so Redis has delivered it: had the other deployment been listening, its copy came first.
      expect((await here.events.next()).data?.bedAvailabilityChanged).toEqual({ occupied: 5 });
      await occupy(other, 7);
      expect((await there.events.next()).data?.bedAvailabilityChanged).toEqual({ occupied: 7 });

      const email = `nobody-${randomUUID()}@nowhere.demo`;
      for (let attempt = 0; attempt < 3; attempt++) await t.anonymous().error(FAILED_LOGIN, { email });
      expect((await t.anonymous().error(FAILED_LOGIN, { email })).extensions?.['code']).toBe('RATE_LIMITED');
      expect((await other.anonymous().error(FAILED_LOGIN, { email })).extensions?.['code']).toBe('UNAUTHENTICATED');
    } finally {
      for (const { watcher, events } of [here, there]) {
        events.stop();
        await watcher.close();
      }
      await other.close();
    }
  });
});
