import { createHash } from 'node:crypto';
import { escapeLiteral, type PoolClient, type QueryResult } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { ForbiddenError } from '../common/errors';
import type { RunnerData } from '../database/statement-counter';

type Hook = () => Promise<void> | void;

/**
 * Loaders of one request resolve in parallel but share its one connection; the pg driver only queues
 * overlapping queries with a deprecation warning (and will refuse them in pg 9), so they are queued here.
 */
function serialiseQueries(runner: QueryRunner): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((...args: unknown[]) => inTurn(() => query(...args))) as QueryRunner['query'];
  return inTurn;
}

/** A prepared statement's name per SQL text: the same text is parsed and planned once per connection. */
const statementNames = new Map<string, string>();

/**
 * Beyond this many texts, a new one runs unprepared: every prepared text stays in each connection's memory
 * for the connection's life, and a text that unexpectedly varies (a value written into it) must not grow
 * that without bound. The gateway's own shapes are a few dozen.
 */
export const MAX_PREPARED_TEXTS = 500;

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_PREPARED_TEXTS) {
    name = `sahayog_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * One database transaction per request (or per subscription event). It begins lazily, carries the
 * organisation for row-level security in `app.org_id`, and ends exactly once: committed when the
 * operation succeeded, rolled back otherwise, so a failed mutation writes nothing. Its connection is the
 * gateway's, logged in as the application role: without an organisation it sees no one's rows.
 */
export class UnitOfWork {
  private runner: QueryRunner | null = null;
  private inTurn: (<T>(work: () => Promise<T>) => Promise<T>) | null = null;
  private opening: Promise<EntityManager> | null = null;
  private finished = false;
  private readonly beforeCommit: Hook[] = [];
  private readonly afterCommit: Hook[] = [];
  private readonly afterRollback: Hook[] = [];
  statements = 0;

  constructor(
    readonly dataSource: DataSource,
    private organisationId: string | null,
  ) {}

  manager(): Promise<EntityManager> {
    if (this.finished) return Promise.reject(new Error('unit of work already finished'));
    this.opening ??= this.open().then(({ manager }) => manager);
    return this.opening;
  }

  /**
   * Opens the unit of work with `firstRead` in the same round trip as its beginning, and answers its rows:
   * for the read every request starts with (who the caller is). `firstRead` goes to the database as text,
   * without parameters: whatever values it holds must be escaped literals.
   */
  async openWith<Row>(firstRead: string): Promise<Row[]> {
    if (this.opening || this.finished) throw new Error('unit of work already open');
    const opened = this.open(firstRead);
    this.opening = opened.then(({ manager }) => manager);
    return (await opened).rows as Row[];
  }

  /**
   * Begins the transaction, sets its organisation and runs `firstRead` in one round trip (a simple-protocol
   * query of several statements, hence the escaped literal), where TypeORM's `startTransaction` and a
   * parameterised `set_config` take two before any read: on every request, the cheapest statements saved.
   * The runner is then told, as `startTransaction` would have, that its transaction is open, so `save`
   * nests inside it and `commitTransaction` ends it.
   */
  private async open(firstRead?: string): Promise<{ manager: EntityManager; rows: unknown[] }> {
    const runner = this.dataSource.createQueryRunner();
    (runner.data as RunnerData) = { onStatement: () => this.statements++ };
    this.inTurn = serialiseQueries(runner);
    this.runner = runner;
    const client = (await runner.connect()) as PoolClient;
    const statements = [
      'START TRANSACTION',
      `SELECT set_config('app.org_id', ${escapeLiteral(this.organisationId ?? '')}, true)`,
      ...(firstRead ? [firstRead] : []),
    ];
    // Marked open before it is sent, so that a failing statement still ends in a rollback.
    Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
    this.statements += statements.length;
    // pg answers a query of several statements with one result each.
    const results = (await client.query(statements.join('; '))) as unknown as QueryResult[];
    return { manager: runner.manager, rows: results.at(-1)?.rows ?? [] };
  }

  /**
   * Runs a read as a named prepared statement on the transaction's connection: PostgreSQL parses and plans
   * it on the connection's first use and reuses that work after (the referral page's planning alone cost
   * more than running it). Only for SQL whose text is one of a few fixed shapes, values all in `parameters`:
   * every distinct text stays prepared on its connection for the connection's life.
   */
  async prepared<Row>(sql: string, parameters: unknown[]): Promise<Row[]> {
    await this.manager();
    const client = (await (this.runner as QueryRunner).connect()) as PoolClient;
    return (this.inTurn as NonNullable<typeof this.inTurn>)(async () => {
      this.statements++;
      return (await client.query({ name: statementName(sql), text: sql, values: parameters })).rows as Row[];
    });
  }

  /**
   * For work that learns its organisation on the way (signing in, refreshing a session, accepting an
   * invitation): from here on the transaction sees what that organisation may see. Once set, it stays:
   * a request signed in to one organisation never continues as another's.
   */
  async enterOrganisation(organisationId: string): Promise<void> {
    if (this.organisationId && this.organisationId !== organisationId) {
      throw new ForbiddenError("You are signed in to another organisation's account: sign out first.");
    }
    this.organisationId = organisationId;
    if (this.opening) await (await this.opening).query(`SELECT set_config('app.org_id', $1, true)`, [organisationId]);
  }

  /** Lets a network administrator's transaction read what row security keeps per organisation (the audit trail). */
  async markNetworkAdmin(): Promise<void> {
    await (await this.manager()).query(`SELECT set_config('app.network_admin', 'on', true)`);
  }

  onBeforeCommit(hook: Hook): void {
    this.beforeCommit.push(hook);
  }

  onAfterCommit(hook: Hook): void {
    this.afterCommit.push(hook);
  }

  onAfterRollback(hook: Hook): void {
    this.afterRollback.push(hook);
  }

  get isFinished(): boolean {
    return this.finished;
  }

  async commit(): Promise<void> {
    if (this.finished) return;
    try {
      for (const hook of this.beforeCommit) await hook();
      await this.end('commit');
    } catch (error) {
      await this.rollback();
      throw error;
    }
    for (const hook of this.afterCommit) await hook();
  }

  async rollback(): Promise<void> {
    if (this.finished) return;
    await this.end('rollback').catch(() => undefined);
    for (const hook of this.afterRollback) await hook();
  }

  private async end(outcome: 'commit' | 'rollback'): Promise<void> {
    this.finished = true;
    const runner = this.runner;
    if (!runner) return;
    try {
      if (this.opening) await this.opening.catch(() => undefined);
      if (runner.isTransactionActive) {
        if (outcome === 'commit') await runner.commitTransaction();
        else await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
  }
}
