import type Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from 'rate-limiter-flexible';
import { RateLimitedError } from '../../common/errors';

export interface ThrottleLimits {
  /** Failed attempts per account within the window before it is locked for the rest of it. */
  perAccount: number;
  /** Failed attempts per client address within the window. */
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 };

/**
 * Counts failed sign-ins per account and per address. Backed by Redis when configured, so every gateway
 * replica counts together; otherwise in memory.
 */
export class LoginThrottle {
  private readonly accounts: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;

  /** With `redis`, its keys begin with `prefix`: one deployment's, so that another on the same Redis counts apart. */
  constructor(limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS, redis?: { client: Redis; prefix: string }) {
    const make = (name: string, points: number): RateLimiterAbstract =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis.client,
            keyPrefix: `${redis.prefix}:${name}`,
            points,
            duration: limits.windowSeconds,
          })
        : new RateLimiterMemory({ keyPrefix: name, points, duration: limits.windowSeconds });
    this.accounts = make('login:account', limits.perAccount);
    this.addresses = make('login:address', limits.perAddress);
  }

  async assertAllowed(account: string, address: string): Promise<void> {
    const [byAccount, byAddress] = await Promise.all([this.accounts.get(account), this.addresses.get(address)]);
    const exhausted = [
      { res: byAccount, limiter: this.accounts },
      { res: byAddress, limiter: this.addresses },
    ].filter(({ res, limiter }) => res !== null && res.consumedPoints >= limiter.points);
    if (exhausted.length > 0) {
      const waitMs = Math.max(...exhausted.map(({ res }) => (res as RateLimiterRes).msBeforeNext));
      throw new RateLimitedError(Math.ceil(waitMs / 1000));
    }
  }

  async recordFailure(account: string, address: string): Promise<void> {
    const consume = (limiter: RateLimiterAbstract, key: string): Promise<unknown> =>
      limiter.consume(key).catch(() => undefined);
    await Promise.all([consume(this.accounts, account), consume(this.addresses, address)]);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.accounts.delete(account);
  }
}
