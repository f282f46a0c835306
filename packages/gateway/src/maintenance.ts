import {
  expireHolds,
  noticeExpiringDocuments,
  organisationsWithExpiredHolds,
  organisationsWithExpiringDocuments,
  type RequestContext,
} from '@sahayog/core';
import type { Logger } from 'pino';
import type { ContextFactory } from './request-context';

const BATCH = 100;

type Task = (ctx: RequestContext, batchSize: number) => Promise<number>;
type DueOrganisations = (ctx: RequestContext) => Promise<string[]>;

/**
 * The platform's periodic work: releasing beds whose referral hold has run out, and warning both sides
 * of a repatriation case of documents about to expire. Every replica runs it; rows are claimed with
 * SKIP LOCKED, so replicas share the work instead of doing it twice. It runs as the application role
 * like any request, one organisation at a time, so row-level security bounds it too.
 */
export class Maintenance {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly contexts: ContextFactory,
    private readonly logger: Logger,
  ) {}

  /** Expires every hold that is due now; answers how many. */
  expireHolds(): Promise<number> {
    return this.drain(organisationsWithExpiredHolds, expireHolds);
  }

  /** Sends the expiry warnings that are due now; answers how many. */
  noticeExpiringDocuments(): Promise<number> {
    return this.drain(organisationsWithExpiringDocuments, noticeExpiringDocuments);
  }

  /** Runs a task for each organisation it is due for, in batches, each in its own transaction, until a batch comes back short. */
  private async drain(dueOrganisations: DueOrganisations, task: Task): Promise<number> {
    let total = 0;
    for (const organisationId of await this.inTransaction(null, dueOrganisations)) {
      for (;;) {
        const done = await this.inTransaction(organisationId, (ctx) => task(ctx, BATCH));
        total += done;
        if (done < BATCH) break;
      }
    }
    return total;
  }

  private async inTransaction<T>(organisationId: string | null, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    const ctx = this.contexts.system(organisationId);
    try {
      const result = await work(ctx);
      await ctx.unitOfWork.commit();
      return result;
    } catch (error) {
      await ctx.unitOfWork.rollback();
      throw error;
    }
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = Promise.all([this.expireHolds(), this.noticeExpiringDocuments()])
        .then(([holds, documents]) => {
          if (holds || documents) this.logger.info({ holds, documents }, 'maintenance');
        })
        .catch((error: unknown) => this.logger.error({ err: error }, 'maintenance failed'))
        .finally(() => {
          this.running = null;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
