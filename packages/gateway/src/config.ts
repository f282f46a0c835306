import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatDataKeys, generateDataKey, parseDataKeys, type DataKey } from '@sahayog/core';

export interface GatewayConfig {
  production: boolean;
  port: number;
  host: string;
  /** The owner's login, for migrations and the CLI. Unset: an embedded PostgreSQL in `<dataDir>/postgres`. */
  databaseUrl: string | undefined;
  /** The request pool's login. Unset: the owner's URL with the application role as user (see `applicationLogin` in core). */
  appDatabaseUrl: string | undefined;
  /** The application role's password when its URL is derived; unset: derived from the owner's password. */
  appDatabasePassword: string | undefined;
  /** Unset: in-process pub/sub and throttling. */
  redisUrl: string | undefined;
  /**
   * What this deployment's Redis channels and keys begin with. Unset: `sahayog:` and the database's name, so
   * replicas of one deployment share them and another deployment on the same Redis never hears them.
   */
  redisPrefix: string | undefined;
  dataDir: string;
  jwtSecret: Uint8Array;
  /** Identity encryption keys, the current one first. */
  dataKeys: DataKey[];
  referralHoldHours: number;
  refreshTokenTtlDays: number;
  invitationTtlHours: number;
  /** How often this replica releases expired bed holds and warns of expiring documents. */
  maintenanceIntervalMs: number;
  accessTokenTtlSeconds: number;
  dbPoolSize: number;
  statementTimeoutMs: number;
  corsOrigins: string[];
  logLevel: string;
  /** Adds `extensions.sqlStatements` to responses: for tests and benchmarks, never production. */
  exposeStatementCount: boolean;
  /** graphql-shield on: off only in the benchmark, to measure what the permission layer costs; never in production. */
  withPermissions: boolean;
  /** The bed board's response cache (see `ResponseCache`), in megabytes; 0 turns it off. */
  responseCacheMegabytes: number;
}

/** Invitations expire after 7 days unless INVITATION_TTL_HOURS says otherwise. */
export const DEFAULT_INVITATION_TTL_HOURS = 7 * 24;

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/**
 * Development keeps a generated secret in the data folder, so sessions survive a restart; production must
 * be given its own, so that no checked-in or generated default can ever sign a token there.
 */
function signingSecret(env: Env, production: boolean, dataDir: string): Uint8Array {
  const given = env['SAHAYOG_JWT_SECRET'];
  if (given) {
    if (Buffer.byteLength(given) < 32) throw new ConfigError('SAHAYOG_JWT_SECRET must be at least 32 characters');
    return new TextEncoder().encode(given);
  }
  if (production) throw new ConfigError('SAHAYOG_JWT_SECRET is required in production');
  const file = path.join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

/** Like the signing secret: generated and kept in the data folder in development, required in production. */
function dataKeys(env: Env, production: boolean, dataDir: string): DataKey[] {
  const given = env['SAHAYOG_DATA_KEY'];
  try {
    if (given) return parseDataKeys(given);
  } catch (error) {
    throw new ConfigError(`SAHAYOG_DATA_KEY: ${(error as Error).message}`);
  }
  if (production) throw new ConfigError('SAHAYOG_DATA_KEY is required in production');
  const file = dataKeyFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, formatDataKeys([generateDataKey('dev1')]), { mode: 0o600 });
  }
  return parseDataKeys(readFileSync(file, 'utf8'));
}

export const dataKeyFile = (dataDir: string): string => path.join(dataDir, 'data-keys');

export function loadConfig(env: Env = process.env): GatewayConfig {
  const production = env['NODE_ENV'] === 'production';
  const dataDir = path.resolve(env['SAHAYOG_DATA_DIR'] ?? '.data');
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (production && !databaseUrl) throw new ConfigError('DATABASE_URL is required in production');
  return {
    production,
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env['HOST'] ?? '0.0.0.0',
    databaseUrl,
    appDatabaseUrl: env['APP_DATABASE_URL'] || undefined,
    appDatabasePassword: env['APP_DATABASE_PASSWORD'] || undefined,
    redisUrl: env['REDIS_URL'] || undefined,
    redisPrefix: env['REDIS_PREFIX'] || undefined,
    dataDir,
    jwtSecret: signingSecret(env, production, dataDir),
    dataKeys: dataKeys(env, production, dataDir),
    referralHoldHours: integer(env, 'REFERRAL_HOLD_HOURS', 72, 1, 24 * 30),
    refreshTokenTtlDays: integer(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    invitationTtlHours: integer(env, 'INVITATION_TTL_HOURS', DEFAULT_INVITATION_TTL_HOURS, 1, 24 * 30),
    maintenanceIntervalMs: integer(env, 'MAINTENANCE_INTERVAL_MS', 60_000, 1000, 3_600_000),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 60, 24 * 3600),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 15_000, 100, 600_000),
    corsOrigins: (env['CORS_ORIGINS'] ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    logLevel: env['LOG_LEVEL'] ?? (production ? 'info' : 'warn'),
    exposeStatementCount: !production && env['SAHAYOG_EXPOSE_SQL_COUNT'] === '1',
    withPermissions: production || env['SAHAYOG_BENCH_WITHOUT_PERMISSIONS'] !== '1',
    responseCacheMegabytes: integer(env, 'RESPONSE_CACHE_MB', 32, 0, 4096),
  };
}
