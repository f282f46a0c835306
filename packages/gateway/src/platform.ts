import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import {
  AuditLog,
  IdentityCipher,
  LoginThrottle,
  SessionTokens,
  type Platform,
  type ThrottleLimits,
  type Topics,
} from '@sahayog/core';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { GatewayConfig } from './config';
import { ResponseCache } from './response-cache';

export interface PlatformOptions {
  clock?: () => Date;
  throttleLimits?: ThrottleLimits;
}

export interface RunningPlatform {
  platform: Platform;
  /** Null when the configuration turns it off. */
  responseCache: ResponseCache | null;
  close(): Promise<void>;
}

/**
 * With REDIS_URL, pub/sub (and so the response cache's invalidation) and sign-in throttling are shared by every
 * gateway replica; without, in-process.
 */
export function createPlatform(
  config: GatewayConfig,
  dataSource: DataSource,
  options: PlatformOptions = {},
): RunningPlatform {
  const clock = options.clock ?? (() => new Date());
  const redisClients: Redis[] = [];
  const redis = (): Redis => {
    const client = new Redis(config.redisUrl as string, { lazyConnect: false, maxRetriesPerRequest: 3 });
    redisClients.push(client);
    return client;
  };
  const eventTarget: EventTarget = config.redisUrl
    ? createRedisEventTarget({ publishClient: redis(), subscribeClient: redis() })
    : new EventTarget();
  const responseCache =
    config.responseCacheMegabytes > 0 ? new ResponseCache(config.responseCacheMegabytes * 1024 * 1024) : null;
  const events = createPubSub<Topics>({ eventTarget });
  const pubSub = responseCache ? responseCache.invalidatedBy(events, eventTarget) : events;
  const platform: Platform = {
    clock,
    pubSub,
    audit: new AuditLog(dataSource),
    sessions: new SessionTokens(config.jwtSecret, config.accessTokenTtlSeconds, clock),
    loginThrottle: new LoginThrottle(options.throttleLimits, config.redisUrl ? redis() : undefined),
    identityCipher: new IdentityCipher(config.dataKeys),
    settings: {
      referralHoldHours: config.referralHoldHours,
      refreshTokenTtlDays: config.refreshTokenTtlDays,
      invitationTtlHours: config.invitationTtlHours,
    },
  };
  return {
    platform,
    responseCache,
    close: async () => {
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
