import { randomBytes } from 'node:crypto';
import {
  applicationLogin,
  DEMO_PASSWORD,
  ensureApplicationLogin,
  formatDataKeys,
  generateDataKey,
  migrate,
  openDataSource,
  seedDemoNetwork,
  type DataKey,
  type ThrottleLimits,
} from '@sahayog/core';
import { startGateway, type Gateway, type GatewayConfig } from '@sahayog/gateway';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from './database';
import { startGatewayProcess, type GatewayProcess } from './gateway-process';
import { GraphQLClient } from './graphql-client';

/** A clock the test drives: hold expiries and token lifetimes without sleeping. */
export class TestClock {
  private offsetMs = 0;

  now = (): Date => new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestGatewayOptions {
  throttleLimits?: ThrottleLimits;
  accessTokenTtlSeconds?: number;
  dataKeys?: DataKey[];
  /** Shares pub/sub and sign-in throttling with replicas through this Redis server. */
  redisUrl?: string;
  /** Serves as in production: no introspection, suggestions, landing page or error details. */
  production?: boolean;
  corsOrigins?: string[];
  /** An empty database of the test's own (say on a DisposablePostgres), migrated and seeded here. */
  databaseUrl?: string;
  /** Serves this dashboard build at `/` (browser tests build their own). */
  dashboardDir?: string;
}

/** A second gateway, in a process of its own, on the same database, secrets and Redis: as behind a load balancer. */
export interface Replica {
  url: string;
  withToken(token: string): GraphQLClient;
  /** Stops it as an operator would (SIGTERM); answers its exit code. */
  close(): Promise<number | null>;
}

async function prepareDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const dataSource = await openDataSource({ url, poolSize: 2 });
  try {
    await migrate(dataSource);
    await seedDemoNetwork(dataSource);
    await ensureApplicationLogin(dataSource, applicationLogin(url));
  } finally {
    await dataSource.destroy();
  }
  return { url, drop: async () => undefined };
}

/** Tables checked by `snapshot()`; a refused request must leave every one of them as it was. */
const TABLES = [
  'organisation',
  'app_user',
  'membership',
  'facility',
  'bed_unit',
  'bed_unit_history',
  'audit_event',
  'code_counter',
  'subject',
  'consent',
  'referral',
  'referral_event',
  'repatriation_case',
  'milestone',
  'follow_up_visit',
  'case_document',
  'case_event',
  'invitation',
  'app_session',
];

export type TableSnapshot = Record<string, { rows: number; digest: string }>;

export class TestGateway {
  private readonly replicas: GatewayProcess[] = [];

  private constructor(
    readonly gateway: Gateway,
    /** The test's own connection, as the owner, for arranging data and checking what was written. */
    readonly dataSource: DataSource,
    /** The gateway's request pool, logged in as the application role. */
    readonly requestDataSource: DataSource,
    readonly clock: TestClock,
    private readonly config: GatewayConfig,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async start(options: TestGatewayOptions = {}): Promise<TestGateway> {
    const database = options.databaseUrl ? await prepareDatabase(options.databaseUrl) : await createTestDatabase();
    const clock = new TestClock();
    const config: GatewayConfig = {
      production: options.production ?? false,
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      appDatabaseUrl: undefined,
      appDatabasePassword: undefined,
      redisUrl: options.redisUrl,
      redisPrefix: undefined,
      dataDir: '',
      // Text, as SAHAYOG_JWT_SECRET is: replica processes are given the same.
      jwtSecret: new TextEncoder().encode(randomBytes(32).toString('base64url')),
      dataKeys: options.dataKeys ?? [generateDataKey('test1')],
      referralHoldHours: 72,
      refreshTokenTtlDays: 30,
      invitationTtlHours: 7 * 24,
      // Tests run maintenance themselves, with the test clock: `expireHolds()`, `noticeExpiringDocuments()`.
      maintenanceIntervalMs: 3_600_000,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
      dbPoolSize: 40,
      statementTimeoutMs: 15_000,
      corsOrigins: options.corsOrigins ?? [],
      logLevel: 'silent',
      exposeStatementCount: !options.production,
      withPermissions: true,
      responseCacheMegabytes: 32,
    };
    const dataSource = await openDataSource({ url: database.url, poolSize: 2 });
    const { gateway, appDataSource } = await TestGateway.serve(config, clock, options);
    return new TestGateway(gateway, dataSource, appDataSource, clock, config, database.drop);
  }

  private static async serve(
    config: GatewayConfig,
    clock: TestClock,
    options: TestGatewayOptions,
  ): Promise<{ gateway: Gateway; appDataSource: DataSource }> {
    const appDataSource = await openDataSource({
      url: applicationLogin(config.databaseUrl as string).url,
      poolSize: config.dbPoolSize,
    });
    const gateway = await startGateway(config, appDataSource, {
      logger: pino({ level: 'silent' }),
      clock: clock.now,
      ...(options.throttleLimits ? { throttleLimits: options.throttleLimits } : {}),
      ...(options.dashboardDir ? { dashboardDir: options.dashboardDir } : {}),
    });
    return { gateway, appDataSource };
  }

  /**
   * Another gateway on the same database, secrets and Redis, started as an operator starts a replica:
   * `sahayog serve` in a process of its own. It runs the production defaults (sign-in throttle, maintenance
   * every minute) and its own clock; only what it is told through Redis reaches its response cache.
   */
  async startReplica(): Promise<Replica> {
    const replica = await startGatewayProcess({
      DATABASE_URL: this.config.databaseUrl as string,
      APP_DATABASE_URL: '',
      APP_DATABASE_PASSWORD: '',
      REDIS_URL: this.config.redisUrl ?? '',
      REDIS_PREFIX: this.config.redisPrefix ?? '',
      SAHAYOG_JWT_SECRET: Buffer.from(this.config.jwtSecret).toString(),
      SAHAYOG_DATA_KEY: formatDataKeys(this.config.dataKeys),
      SAHAYOG_EXPOSE_SQL_COUNT: this.config.exposeStatementCount ? '1' : '0',
      NODE_ENV: this.config.production ? 'production' : 'test',
      LOG_LEVEL: 'warn',
    });
    this.replicas.push(replica);
    return {
      url: replica.url,
      withToken: (token) => new GraphQLClient(replica.url, token),
      close: () => replica.stop(),
    };
  }

  get url(): string {
    return this.gateway.url;
  }

  anonymous(): GraphQLClient {
    return new GraphQLClient(this.url);
  }

  withToken(token: string): GraphQLClient {
    return new GraphQLClient(this.url, token);
  }

  /** Signs in as a demo account (`coordinator@mahima.demo`) or any account with its password. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<GraphQLClient> {
    const data = await this.anonymous().data<{ login: { accessToken: string } }>(
      `mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email, password },
    );
    return this.withToken(data.login.accessToken);
  }

  /** Runs the bed-hold expiry now, at the test clock's time. */
  expireHolds(): Promise<number> {
    return this.gateway.maintenance.expireHolds();
  }

  /** Sends the document expiry warnings due at the test clock's time. */
  noticeExpiringDocuments(): Promise<number> {
    return this.gateway.maintenance.noticeExpiringDocuments();
  }

  /**
   * Writes made here pass by the gateway's response cache, as an operator's SQL would: it forgets every
   * cached answer, so that tests read what they arranged. A replica process's cache is out of reach.
   */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    try {
      return await this.dataSource.query(text, params);
    } finally {
      this.gateway.responseCache?.invalidate();
    }
  }

  /**
   * Row count and a digest of every row of every table (but `except`): equal snapshots mean nothing was
   * written.
   */
  async snapshot(except: readonly string[] = []): Promise<TableSnapshot> {
    const snapshot: TableSnapshot = {};
    for (const table of TABLES.filter((name) => !except.includes(name))) {
      const [row] = await this.sql<{ rows: string; digest: string }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      );
      snapshot[table] = { rows: Number(row?.rows), digest: row?.digest ?? '' };
    }
    return snapshot;
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.stop()));
    await this.gateway.close();
    await this.requestDataSource.destroy();
    await this.dataSource.destroy();
    await this.dropDatabase();
  }
}
