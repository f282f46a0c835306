import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_ROLE } from './migrations/1763910000000-RowLevelSecurity';

/** How the gateway's request pool logs in: as the application role, never as the owner. */
export interface ApplicationLogin {
  url: string;
  /** Set on the role by the owner when the role cannot log in with it yet; unset: the operator manages it. */
  managedPassword: string | undefined;
}

export interface ApplicationLoginOptions {
  /** A complete URL of the operator's choosing (APP_DATABASE_URL): used as it is. */
  url?: string;
  /** The role's password (APP_DATABASE_PASSWORD) on the owner's host and database. */
  password?: string;
}

/**
 * Without an operator's choice the request pool uses the owner's host and database as the application
 * role. Its password is derived from the owner's, so every replica and test database on one server
 * agrees on it without storing anything, and knowing it reveals nothing of the owner's. Without an owner
 * password (trust or peer authentication) none is needed.
 */
export function applicationLogin(ownerUrl: string, options: ApplicationLoginOptions = {}): ApplicationLogin {
  if (options.url) return { url: options.url, managedPassword: undefined };
  const url = new URL(ownerUrl);
  const ownerPassword = decodeURIComponent(url.password);
  const password =
    options.password ||
    (ownerPassword ? createHmac('sha256', ownerPassword).update(`${APP_ROLE} login`).digest('base64url') : '');
  url.username = APP_ROLE;
  url.password = encodeURIComponent(password);
  return { url: url.toString(), managedPassword: password || undefined };
}

/** A SCRAM-SHA-256 verifier, so the password itself never travels to the server or its statement log. */
function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const iterations = 4096;
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** PostgreSQL's answer when a password is wrong or the role has none. */
const INVALID_PASSWORD = '28P01';

async function canLogIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === INVALID_PASSWORD) return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Any constant works; gateways starting together on one database take turns setting the password. */
const LOGIN_LOCK = 7_240_003;

/**
 * Run as the owner after the migrations (which create the role): gives the application role the
 * password the request pool will use, unless it can already log in with it. Checking first keeps
 * concurrent starts on one server from updating the cluster-wide role at the same moment.
 */
export async function ensureApplicationLogin(owner: DataSource, login: ApplicationLogin): Promise<void> {
  const password = login.managedPassword;
  if (!password || (await canLogIn(login.url))) return;
  const lock = owner.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [LOGIN_LOCK]);
    if (await canLogIn(login.url)) return;
    await lock.query(`ALTER ROLE ${APP_ROLE} PASSWORD '${scramVerifier(password)}'`);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [LOGIN_LOCK]).catch(() => undefined);
    await lock.release();
  }
}

/**
 * The gateway serves only through a login that row-level security binds: not a superuser, not able to
 * bypass row security, owning no table (an owner is exempt from its own table's policies unless forced).
 */
export async function assertRequestRole(dataSource: DataSource): Promise<void> {
  const [role]: { name: string; rolsuper: boolean; rolbypassrls: boolean; owns_tables: boolean }[] =
    await dataSource.query(
      `SELECT r.rolname AS name, r.rolsuper, r.rolbypassrls,
              EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p')) AS owns_tables
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
  if (!role || role.rolsuper || role.rolbypassrls || role.owns_tables) {
    throw new Error(
      `the gateway's database login ${role?.name ?? '(unknown)'} must not be a superuser, bypass row-level security or own tables; see README, Security model`,
    );
  }
}
