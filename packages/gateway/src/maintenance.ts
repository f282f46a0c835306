import { expireHolds, noticeExpiringDocuments, type RequestContext } from '@sahayog/core';
import type { Logger } from 'pino';
import type { ContextFactory } from './request-context';

const BATCH = 100;

type Task = (ctx: RequestContext, batchSize: number) => Promise<number>;

/**
 * The platform's periodic work: releasing beds whose referral hold has run out, and warning both sides
 * of a repatriation case of documents about to expire. Every replica runs it; rows are claimed with
 * SKIP LOCKED, so replicas share the work instead of doing it twice.
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
    return this.drain(expireHolds);
  }

  /** Sends the expiry warnings that are due now; answers how many. */
  noticeExpiringDocuments(): Promise<number> {
    return this.drain(noticeExpiringDocuments);
  }

  /** Runs a task in batches, each in its own transaction, until a batch comes back short. */
  private async drain(task: Task): Promise<number> {
    let total = 0;
    for (;;) {
      const ctx = this.contexts.system();
      try {
        const done = await task(ctx, BATCH);
        await ctx.unitOfWork.commit();
        total += done;
        if (done < BATCH) return total;
      } catch (error) {
        await ctx.unitOfWork.rollback();
        throw error;
      }
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
