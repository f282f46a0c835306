import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDataKeys, generateDataKey, migrate, openDataSource, SessionTokens } from '@sahayog/core';
import { startEmbeddedDatabase } from '@sahayog/gateway';
import { withConnection } from '@sahayog/testing';
import { Pool } from 'pg';
import { changingBeds, unitsOf } from './bed-changes';
import { drive, probe } from './load';
import { benchAccount, generateNetwork, isScaleName, SCALES, type BenchNetwork, type ScaleName } from './network';
import { renderReport, type Measurement, type RunInfo } from './report';
import { SCENARIOS, type Scenario } from './scenarios';
import { observe, startServer, type RunningServer, type ServerKind } from './servers';

const BENCH_DIR = path.resolve(__dirname, '..');
const DATA_DIR = path.join(BENCH_DIR, '.data');
/** What a later `--reuse` run needs to drive the network loaded before: never committed (.data is ignored). */
const STATE_FILE = path.join(DATA_DIR, 'network.json');
const EMBEDDED_PORT = 54339;
const ACCESS_TOKEN_TTL_SECONDS = 24 * 3600;
/** As in docker/gateway.Dockerfile. */
const NODE_OPTIONS = ['--max-old-space-size=256'];
const GATEWAY_CLI = path.resolve(BENCH_DIR, '../gateway/dist/cli.js');

interface SavedNetwork extends BenchNetwork {
  scale: ScaleName;
  dataKeys: string;
  jwtSecret: string;
  loadSeconds: number;
}

const USAGE = `npm run bench -- [--scale default|small|tiny] [--duration seconds] [--connections n] [--pool n]
                    [--servers gateway,gateway-uncached,gateway-unshielded,hand,postgraphile] [--scenarios bed-board,bed-board-busy,inbox,cases,accept]
                    [--rounds n] [--reuse] [--profile] [--out file]
DATABASE_URL: an empty database to load (or the one loaded before, with --reuse); unset: an embedded PostgreSQL.`;

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'default' },
      duration: { type: 'string' },
      connections: { type: 'string', default: '10' },
      pool: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '1' },
      servers: { type: 'string' },
      scenarios: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(BENCH_DIR, 'results/latest.md') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!isScaleName(values.scale)) throw new Error(`unknown scale ${values.scale}\n${USAGE}`);
  const durationSeconds = Number(values.duration ?? (values.scale === 'default' ? 20 : 5));
  const list = (value: string | undefined): string[] | null => (value ? value.split(',') : null);
  return {
    scale: values.scale,
    durationSeconds,
    connections: Number(values.connections),
    poolSize: Number(values.pool),
    rounds: Math.max(1, Number(values.rounds)),
    servers: list(values.servers),
    scenarios: list(values.scenarios),
    reuse: values.reuse,
    profile: values.profile,
    out: path.resolve(values.out),
  };
}

async function openDatabase(fresh: boolean): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env['DATABASE_URL'];
  if (given) return { url: given, stop: async () => undefined };
  if (fresh) rmSync(path.join(DATA_DIR, 'postgres'), { recursive: true, force: true });
  return startEmbeddedDatabase(DATA_DIR, EMBEDDED_PORT);
}

async function loadNetwork(url: string, scale: ScaleName): Promise<SavedNetwork> {
  const dataSource = await openDataSource({ url, poolSize: 2 });
  try {
    await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const dataKeys = [generateDataKey('bench1')];
  const pool = new Pool({ connectionString: url, max: 2 });
  const started = process.hrtime.bigint();
  let network: BenchNetwork;
  try {
    network = await generateNetwork(pool, { scale: SCALES[scale], dataKeys, label: 'BENCH' });
  } finally {
    await pool.end();
  }
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    ...network,
    scale,
    dataKeys: formatDataKeys(dataKeys),
    jwtSecret: randomBytes(32).toString('base64url'),
    loadSeconds,
  };
}

function serverKinds(saved: SavedNetwork, url: string, poolSize: number): ServerKind[] {
  const common = {
    DATABASE_URL: url,
    DB_POOL_SIZE: String(poolSize),
    SAHAYOG_JWT_SECRET: saved.jwtSecret,
    SAHAYOG_DATA_KEY: saved.dataKeys.replace(/\n/g, ','),
    SAHAYOG_DATA_DIR: DATA_DIR,
    ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
    MAINTENANCE_INTERVAL_MS: String(3_600_000),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SAHAYOG_EXPOSE_SQL_COUNT: '1',
  };
  return [
    {
      name: 'gateway',
      title: 'Sahayog gateway',
      args: [GATEWAY_CLI, 'serve'],
      env: common,
      dialect: 'sahayog',
      path: '/graphql',
    },
    {
      name: 'gateway-uncached',
      title: 'gateway without response cache',
      args: [GATEWAY_CLI, 'serve'],
      env: { ...common, RESPONSE_CACHE_MB: '0' },
      dialect: 'sahayog',
      path: '/graphql',
    },
    {
      // Against the gateway without response cache: what the permission layer costs when fields execute.
      name: 'gateway-unshielded',
      title: 'gateway without response cache, graphql-shield off',
      args: [GATEWAY_CLI, 'serve'],
      env: { ...common, RESPONSE_CACHE_MB: '0', SAHAYOG_BENCH_WITHOUT_PERMISSIONS: '1' },
      dialect: 'sahayog',
      path: '/graphql',
    },
    {
      name: 'hand',
      title: 'node http + pg by hand',
      args: [path.join(__dirname, 'peers/hand-main.js')],
      env: common,
      dialect: 'sahayog',
      path: '/graphql',
    },
    {
      name: 'postgraphile',
      title: 'PostGraphile 5',
      args: [path.join(__dirname, 'peers/postgraphile-main.js')],
      env: common,
      dialect: 'postgraphile',
      path: '/graphql',
      statementsPath: '/statements',
    },
  ];
}

/** Opens a session for an organisation's account as signing in would, and issues its access token. */
async function openSession(url: string, saved: SavedNetwork, organisation: number): Promise<string> {
  const { rows } = await withConnection(url, (client) =>
    client.query<{ id: string; user_id: string }>(
      `INSERT INTO app_session (organisation_id, user_id, refresh_token_hash, created_at, expires_at)
       SELECT $1, u.id, md5(random()::text) || md5(random()::text), now(), now() + interval '1 day'
         FROM app_user u WHERE u.email = $2
       RETURNING id, user_id`,
      [saved.organisationIds[organisation], benchAccount(saved.label, organisation)],
    ),
  );
  const session = rows[0];
  if (!session) throw new Error(`no bench account for organisation ${organisation}`);
  const tokens = new SessionTokens(new TextEncoder().encode(saved.jwtSecret), ACCESS_TOKEN_TTL_SECONDS);
  const issued = await tokens.issue({
    userId: session.user_id,
    organisationId: saved.organisationIds[organisation] as string,
    sessionId: session.id,
  });
  return issued.accessToken;
}

/** Puts the contended referrals and units back as generated, so each server accepts the same referrals. */
async function resetContention(url: string, network: BenchNetwork): Promise<void> {
  await withConnection(url, async (client) => {
    await client.query(
      `UPDATE referral SET status = 'SUBMITTED', held_unit_id = NULL, hold_expires_at = NULL WHERE id = ANY($1)`,
      [network.contendedReferralIds],
    );
    await client.query(`UPDATE bed_unit SET held = 0 WHERE id = ANY($1)`, [network.contendedUnitIds]);
  });
}

/** What the write scenarios change: the contended referrals put back, beds held and changed, their history and audit. */
const WRITTEN_TABLES = ['referral', 'referral_event', 'bed_unit', 'bed_unit_history', 'audit_event', 'app_session'];

/**
 * Vacuums what writes left behind now, while nothing is measured: left to autovacuum, the dead rows of 20,000
 * referrals put back would be vacuumed during whichever server's scenarios come next, and charged to them.
 */
async function settle(url: string): Promise<void> {
  await withConnection(url, (client) => client.query(`VACUUM (ANALYZE) ${WRITTEN_TABLES.join(', ')}`));
}

function bodyOf(kind: ServerKind, scenario: Scenario, network: BenchNetwork, n: number): unknown {
  if (kind.dialect === 'postgraphile') {
    const peer = scenario.postgraphile as NonNullable<Scenario['postgraphile']>;
    return { operationName: scenario.operationName, query: peer.query, variables: peer.variables(network) };
  }
  return { operationName: scenario.operationName, query: scenario.query, variables: scenario.variables(network, n) };
}

/** One request's statements: from its answer, or from the server's running total around it. */
async function statementsOf(kind: ServerKind, url: string, token: string, body: unknown) {
  if (!kind.statementsPath) return probe(url, token, body);
  const total = async (): Promise<number> =>
    ((await (await fetch(new URL(kind.statementsPath as string, url))).json()) as { statements: number }).statements;
  const before = await total();
  const seen = await probe(url, token, body);
  return { ...seen, statements: (await total()) - before };
}

async function main(): Promise<void> {
  const opts = options();
  mkdirSync(DATA_DIR, { recursive: true });
  if (opts.reuse && !existsSync(STATE_FILE)) throw new Error('--reuse: no network was loaded before');
  const database = await openDatabase(!opts.reuse);
  try {
    let saved: SavedNetwork;
    if (opts.reuse) {
      saved = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as SavedNetwork;
      console.log(`Reusing the ${saved.scale} network loaded before.`);
    } else {
      console.log(`Loading the ${opts.scale} network...`);
      saved = await loadNetwork(database.url, opts.scale);
      writeFileSync(STATE_FILE, JSON.stringify(saved), { mode: 0o600 });
      console.log(`Loaded in ${saved.loadSeconds.toFixed(1)} s.`);
    }
    const network: BenchNetwork = saved;
    const kinds = serverKinds(saved, database.url, opts.poolSize).filter(
      (kind) => !opts.servers || opts.servers.includes(kind.name),
    );
    const scenarios = SCENARIOS.filter((scenario) => !opts.scenarios || opts.scenarios.includes(scenario.name));

    const loadBefore = os.loadavg()[0] as number;
    const tokens = new Map<number, string>();
    /** One session per organisation for the whole run. */
    const tokenOf = async (organisation: number): Promise<string> => {
      if (!tokens.has(organisation)) tokens.set(organisation, await openSession(database.url, saved, organisation));
      return tokens.get(organisation) as string;
    };
    const measurements: Measurement[] = [];
    // Every server runs at once, each in its own process, idle but for its turn: a round drives each scenario at
    // every server back to back, so that servers compared on one scenario are measured minutes apart at most, and a
    // drift of the shared machine's speed (seen here: a third over a run) falls on all of them alike. The report
    // takes each row's median round, and each ratio's median over the rounds.
    const servers = new Map<string, RunningServer>();
    try {
      for (const kind of kinds) {
        // Every server as the gateway's image runs it: the same heap cap, so resident memory compares.
        const nodeOptions = [
          ...NODE_OPTIONS,
          ...(opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(DATA_DIR, 'profiles', kind.name)}`] : []),
        ];
        servers.set(kind.name, await startServer(kind, nodeOptions));
      }
      for (let round = 1; round <= opts.rounds; round++)
        for (const scenario of scenarios)
          // Each round starts with the next server, so no server is always measured last, after the others' load.
          for (const kind of [
            ...kinds.slice((round - 1) % kinds.length),
            ...kinds.slice(0, (round - 1) % kinds.length),
          ]) {
            if (kind.dialect === 'postgraphile' && !scenario.postgraphile) continue;
            if (scenario.servers && !scenario.servers.includes(kind.name)) continue;
            const server = servers.get(kind.name) as RunningServer;
            const token = await tokenOf(scenario.organisation);
            if (scenario.writes) await resetContention(database.url, network);
            const body = (n: number): unknown => bodyOf(kind, scenario, network, n);
            const seen = await statementsOf(kind, server.url, token, body(0));
            if (seen.errors.length) throw new Error(`${kind.name} ${scenario.name}: ${seen.errors.join(', ')}`);
            if (scenario.writes) {
              await resetContention(database.url, network);
              await settle(database.url);
            } else
              await drive({
                url: server.url,
                token,
                body,
                connections: opts.connections,
                durationSeconds: 2,
              });
            const load = () =>
              drive({
                url: server.url,
                token,
                body,
                connections: opts.connections,
                durationSeconds: opts.durationSeconds,
              });
            const changes = scenario.bedChanges;
            const { result, peak, cpuMs, databaseCpuMs } = await observe(server, async () => {
              if (!changes) return load();
              const changing = {
                url: server.url,
                token: await tokenOf(changes.organisation),
                units: await unitsOf(database.url, network.organisationIds[changes.organisation] as string),
                perSecond: changes.perSecond,
              };
              const { result, changes: made } = await changingBeds(changing, load);
              console.log(
                `${kind.name.padEnd(20)} ${scenario.name}: ${made.made} bed changes made, ${made.failed} failed`,
              );
              return { ...result, errors: result.errors + made.failed };
            });
            if (scenario.writes || changes) await settle(database.url);
            measurements.push({
              round,
              scenario: scenario.name,
              server: kind.name,
              ...result,
              statements: seen.statements,
              responseBytes: seen.bytes,
              peakRssBytes: peak,
              cpuMsPerRequest: result.requests ? cpuMs / result.requests : 0,
              databaseCpuMsPerRequest: result.requests ? databaseCpuMs / result.requests : 0,
            });
            console.log(
              `${kind.name.padEnd(20)} ${scenario.name.padEnd(10)} ${result.requestsPerSecond.toFixed(1).padStart(8)} req/s` +
                `  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  ${seen.statements ?? '-'} SQL  ${(seen.bytes / 1024).toFixed(1)} kB  ` +
                `${(peak / 2 ** 20).toFixed(0)} MB  ${result.requests ? (cpuMs / result.requests).toFixed(2) : '-'} CPU ms  ` +
                `${result.requests ? (databaseCpuMs / result.requests).toFixed(2) : '-'} DB CPU ms  ${result.errors} errors`,
            );
          }
    } finally {
      await Promise.all([...servers.values()].map((server) => server.stop()));
    }
    const info: RunInfo = {
      scale: saved.scale,
      counts: SCALES[saved.scale],
      loadSeconds: saved.loadSeconds,
      durationSeconds: opts.durationSeconds,
      rounds: opts.rounds,
      connections: opts.connections,
      poolSize: opts.poolSize,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
      database: process.env['DATABASE_URL'] ? 'DATABASE_URL' : 'embedded PostgreSQL 18',
      loadAverage: [loadBefore, os.loadavg()[0] as number],
      nodeOptions: NODE_OPTIONS.join(' '),
    };
    mkdirSync(path.dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, renderReport(info, SCENARIOS, kinds, measurements));
    console.log(`Wrote ${path.relative(process.cwd(), opts.out)}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
