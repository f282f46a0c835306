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

export interface PlatformOptions {
  clock?: () => Date;
  throttleLimits?: ThrottleLimits;
}

export interface RunningPlatform {
  platform: Platform;
  close(): Promise<void>;
}

/** With REDIS_URL, pub/sub and sign-in throttling are shared by every gateway replica; without, in-process. */
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
  const pubSub = createPubSub<Topics>(
    config.redisUrl
      ? { eventTarget: createRedisEventTarget({ publishClient: redis(), subscribeClient: redis() }) }
      : {},
  );
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
    close: async () => {
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
