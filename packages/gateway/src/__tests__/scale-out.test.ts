import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_THROTTLE_LIMITS, formatDataKeys, generateDataKey, MIGRATIONS } from '@sahayog/core';
import {
  createEmptyDatabase,
  startGatewayProcess,
  TestGateway,
  unitIn,
  type GraphQLClient,
  withConnection,
  type Replica,
} from '@sahayog/testing';

/**
 * Two gateway processes on one database and one Redis, as behind a load balancer: this test's own, and a
 * replica started as `sahayog serve` with nothing but its environment. Needs a Redis server: TEST_REDIS_URL
 * (CI sets it to the machine's Redis); without it these tests are skipped.
 */
const redisUrl = process.env['TEST_REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;

const SET_OCCUPIED = `mutation($id: ID!, $v: Int!, $o: Int!) { updateBedUnit(input: { unitId: $id, expectedVersion: $v, occupied: $o }) { id } }`;
const FAILED_LOGIN = `mutation($email: String!) { login(email: $email, password: "wrong-password") { accessToken } }`;

describeWithRedis('gateway replicas sharing Redis', () => {
  let t: TestGateway;
  let replica: Replica;

  beforeAll(async () => {
    // The replica process throttles sign-in with the defaults, so this gateway does too.
    t = await TestGateway.start({ redisUrl });
    replica = await t.startReplica();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Failed sign-ins of one account that the throttle lets through; the next is refused. */
  const failUntilThrottled = async (clients: GraphQLClient[], email: string): Promise<void> => {
    for (let attempt = 0; attempt < DEFAULT_THROTTLE_LIMITS.perAccount; attempt++) {
      const client = clients[attempt % clients.length] as GraphQLClient;
      expect((await client.error(FAILED_LOGIN, { email })).extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  };

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
    await failUntilThrottled([t.anonymous(), second], email);
    expect((await second.error(FAILED_LOGIN, { email })).extensions?.['code']).toBe('RATE_LIMITED');
    expect((await t.anonymous().error(FAILED_LOGIN, { email })).extensions?.['code']).toBe('RATE_LIMITED');
  });

  it('keeps another deployment on the same Redis apart: it neither hears these events nor counts these sign-ins', async () => {
    const other = await TestGateway.start({ redisUrl });
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
      await failUntilThrottled([t.anonymous()], email);
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

describe('gateway replicas starting together on a new database', () => {
  it('take turns migrating: both serve, and every migration is applied once', async () => {
    const database = await createEmptyDatabase();
    const environment = {
      DATABASE_URL: database.url,
      SAHAYOG_JWT_SECRET: randomBytes(32).toString('base64url'),
      SAHAYOG_DATA_KEY: formatDataKeys([generateDataKey('replicas1')]),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    };
    const replicas = await Promise.allSettled([startGatewayProcess(environment), startGatewayProcess(environment)]);
    const started = replicas.flatMap((replica) => (replica.status === 'fulfilled' ? [replica.value] : []));
    try {
      expect(replicas.filter((replica) => replica.status === 'rejected')).toEqual([]);
      for (const replica of started) {
        expect(await (await fetch(replica.url.replace(/graphql$/, 'healthz'))).json()).toEqual({ status: 'ok' });
      }
      const applied = await withConnection(database.url, (owner) =>
        owner.query<{ times: number }>(`SELECT count(*)::int AS times FROM migrations GROUP BY name`),
      );
      expect(applied.rows.map((row) => row.times)).toEqual(MIGRATIONS.map(() => 1));
    } finally {
      expect(await Promise.all(started.map((replica) => replica.stop()))).toEqual(started.map(() => 0));
      await database.drop();
    }
  });
});
