import { expireHolds } from '@sahayog/core';
import type { Logger } from 'pino';
import type { ContextFactory } from './request-context';

const BATCH = 100;

/**
 * Releases beds whose referral hold has run out. Every replica runs it; the rows are claimed with
 * SKIP LOCKED, so replicas share the work instead of doing it twice.
 */
export class HoldExpiryJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly contexts: ContextFactory,
    private readonly logger: Logger,
  ) {}

  /** Expires every hold that is due now; answers how many. */
  async runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const ctx = this.contexts.system();
      try {
        const expired = await expireHolds(ctx, BATCH);
        await ctx.unitOfWork.commit();
        total += expired;
        if (expired < BATCH) return total;
      } catch (error) {
        await ctx.unitOfWork.rollback();
        throw error;
      }
    }
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .then((count) => {
          if (count) this.logger.info({ count }, 'expired bed holds');
          return count;
        })
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'bed hold expiry failed');
          return 0;
        })
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
