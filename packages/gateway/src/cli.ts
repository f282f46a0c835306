#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import {
  applicationLogin,
  AuditLog,
  createNetworkAdmin,
  demoAccounts,
  DEMO_PASSWORD,
  ensureApplicationLogin,
  formatDataKeys,
  generateDataKey,
  IdentityCipher,
  migrate,
  NetworkAdminError,
  openDataSource,
  rotateIdentityKeys,
  seedDemoNetwork,
  type ApplicationLogin,
} from '@sahayog/core';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { ConfigError, dataKeyFile, loadConfig, type GatewayConfig } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { startGateway } from './server';

const USAGE = `Usage: sahayog <command>

Commands:
  serve          migrate, then serve GraphQL (an embedded PostgreSQL with the demo network when DATABASE_URL is unset)
  migrate        apply pending migrations to DATABASE_URL (or the embedded database), and prepare the
                 application role's login the gateway serves requests with
  seed --demo    load the fictional demo network into an empty database
  keys rotate    re-seal every subject's identity under the current data key (see README, Key rotation)
  audit verify   recompute the audit hash chain; exits 1 naming the first broken entry
  admin create-network-admin --email E --name N
                 bootstrap a network administrator (and the SAHAYOG secretariat if missing); prints a one-time
                 invitation token, or sets the password from SAHAYOG_ADMIN_PASSWORD when that is set
`;

/** The owner's connection: migrations, seeding and the administrative commands, never requests. */
interface Database {
  url: string;
  dataSource: DataSource;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

async function openDatabase(config: GatewayConfig): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir);
  try {
    const url = config.databaseUrl ?? (embedded as EmbeddedDatabase).url;
    const dataSource = await openDataSource({ url, poolSize: 2, statementTimeoutMs: config.statementTimeoutMs });
    return {
      url,
      dataSource,
      embedded,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Gives the application role the login the request pool uses (as the owner, after the migrations made the role). */
async function prepareRequestLogin(config: GatewayConfig, database: Database): Promise<ApplicationLogin> {
  const login = applicationLogin(database.url, { url: config.appDatabaseUrl, password: config.appDatabasePassword });
  await ensureApplicationLogin(database.dataSource, login);
  return login;
}

function printDemoAccounts(): void {
  console.log(`\nDemo accounts (password "${DEMO_PASSWORD}"):`);
  for (const account of demoAccounts()) {
    console.log(`  ${account.email.padEnd(28)} ${account.role.padEnd(22)} ${account.organisation}`);
  }
}

async function serve(config: GatewayConfig): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config);
  let requests: DataSource;
  try {
    const applied = await migrate(database.dataSource);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    if (database.embedded && (await seedDemoNetwork(database.dataSource)))
      console.log('Seeded the fictional demo network.');
    const login = await prepareRequestLogin(config, database);
    await database.dataSource.destroy();
    requests = await openDataSource({
      url: login.url,
      poolSize: config.dbPoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const gateway = await startGateway(config, requests, { logger });

  console.log(`\nSahayog is serving GraphQL at ${gateway.url}`);
  console.log(database.embedded ? `Embedded PostgreSQL data: ${config.dataDir}` : 'Using DATABASE_URL');
  if (database.embedded) printDemoAccounts();

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing requests in flight and stopping.`);
    try {
      await gateway.close();
      await requests.destroy();
      await database.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function runMigrations(config: GatewayConfig): Promise<void> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database.dataSource);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    await prepareRequestLogin(config, database);
  } finally {
    await database.close();
  }
}

async function seed(config: GatewayConfig, args: string[]): Promise<void> {
  if (!args.includes('--demo')) {
    console.error('Only the demo network can be seeded: sahayog seed --demo');
    process.exitCode = 2;
    return;
  }
  const database = await openDatabase(config);
  try {
    await migrate(database.dataSource);
    const seeded = await seedDemoNetwork(database.dataSource);
    console.log(
      seeded ? 'Seeded the fictional demo network.' : 'The database already holds organisations; nothing seeded.',
    );
    if (seeded) printDemoAccounts();
  } finally {
    await database.close();
  }
}

/**
 * With SAHAYOG_DATA_KEY, its first key is the current one and the operator has already rolled it out;
 * in development a new key is generated into the data folder first, the old ones kept for reading.
 */
async function rotateKeys(config: GatewayConfig, args: string[]): Promise<void> {
  if (args[0] !== 'rotate') {
    console.error('Usage: sahayog keys rotate');
    process.exitCode = 2;
    return;
  }
  let keys = config.dataKeys;
  if (!process.env['SAHAYOG_DATA_KEY']) {
    keys = [generateDataKey(), ...keys];
    writeFileSync(dataKeyFile(config.dataDir), formatDataKeys(keys), { mode: 0o600 });
    console.log(
      `Generated data key ${keys[0]?.id} in ${dataKeyFile(config.dataDir)}; restart running gateways to use it.`,
    );
  }
  const database = await openDatabase(config);
  try {
    await migrate(database.dataSource);
    const resealed = await rotateIdentityKeys(database.dataSource, new IdentityCipher(keys));
    console.log(`Re-sealed ${resealed} identities under key ${keys[0]?.id}.`);
  } finally {
    await database.close();
  }
}

async function verifyAudit(config: GatewayConfig, args: string[]): Promise<void> {
  if (args[0] !== 'verify') {
    console.error('Usage: sahayog audit verify');
    process.exitCode = 2;
    return;
  }
  const database = await openDatabase(config);
  try {
    const result = await new AuditLog(database.dataSource).verify();
    if (result.brokenAt) {
      console.error(
        `The audit chain is broken at entry ${result.brokenAt.id} (${result.brokenAt.reason === 'CONTENT' ? 'its content was changed' : 'its link to the previous entry does not match'}); ${result.checked} entries before it are intact.`,
      );
      process.exitCode = 1;
    } else {
      console.log(`The audit chain is intact: ${result.checked} entries verified.`);
    }
  } finally {
    await database.close();
  }
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  const value = index >= 0 ? args[index + 1] : undefined;
  return value && !value.startsWith('--') ? value : undefined;
}

async function admin(config: GatewayConfig, args: string[]): Promise<void> {
  const email = option(args, '--email');
  const name = option(args, '--name');
  if (args[0] !== 'create-network-admin' || !email || !name) {
    console.error('Usage: sahayog admin create-network-admin --email E --name N');
    process.exitCode = 2;
    return;
  }
  const password = process.env['SAHAYOG_ADMIN_PASSWORD'] || undefined;
  const database = await openDatabase(config);
  try {
    await migrate(database.dataSource);
    const created = await createNetworkAdmin(database.dataSource, {
      email,
      displayName: name,
      password,
      invitationTtlHours: config.invitationTtlHours,
    });
    console.log(`Network administrator ${email.trim().toLowerCase()} created.`);
    if (created.invitation) {
      console.log(
        `One-time invitation token, shown only now, valid until ${created.invitation.expiresAt.toISOString()}:`,
      );
      console.log(`\n  ${created.invitation.token}\n`);
      console.log('Pass it to them out of band; they set a password with the acceptInvitation mutation.');
    } else {
      console.log('The password was set from SAHAYOG_ADMIN_PASSWORD.');
    }
  } catch (error) {
    if (!(error instanceof NetworkAdminError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return runMigrations(config);
    case 'seed':
      return seed(config, args);
    case 'keys':
      return rotateKeys(config, args);
    case 'audit':
      return verifyAudit(config, args);
    case 'admin':
      return admin(config, args);
    default:
      console.log(USAGE);
      process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration: ${error.message}` : error);
  process.exit(1);
});
