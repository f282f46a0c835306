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
 * Redis delivers a message to every subscriber of its channel name, whatever deployment that subscriber
 * belongs to, and ioredis's `keyPrefix` leaves channel names alone: so every event type is put under the
 * deployment's prefix here.
 */
function prefixedChannels(target: EventTarget, prefix: string): EventTarget {
  const channel = (type: string): string => `${prefix}:${type}`;
  return {
    addEventListener: (type, listener, options) => target.addEventListener(channel(type), listener, options),
    removeEventListener: (type, listener, options) => target.removeEventListener(channel(type), listener, options),
    dispatchEvent: (event) =>
      target.dispatchEvent(new CustomEvent(channel(event.type), { detail: (event as CustomEvent).detail })),
  };
}

/** `sahayog:` and the database's name: what every replica of one deployment shares and no other has. */
async function deploymentPrefix(config: GatewayConfig, dataSource: DataSource): Promise<string> {
  if (config.redisPrefix) return config.redisPrefix;
  const [row] = (await dataSource.query('SELECT current_database() AS name')) as { name: string }[];
  return `sahayog:${row?.name ?? ''}`;
}

/**
 * With REDIS_URL, pub/sub (and so the response cache's invalidation) and sign-in throttling are shared by every
 * gateway replica of the deployment; without, in-process.
 */
export async function createPlatform(
  config: GatewayConfig,
  dataSource: DataSource,
  options: PlatformOptions = {},
): Promise<RunningPlatform> {
  const clock = options.clock ?? (() => new Date());
  const redisClients: Redis[] = [];
  const redis = (): Redis => {
    const client = new Redis(config.redisUrl as string, { lazyConnect: false, maxRetriesPerRequest: 3 });
    redisClients.push(client);
    return client;
  };
  const redisPrefix = config.redisUrl ? await deploymentPrefix(config, dataSource) : undefined;
  const eventTarget: EventTarget = redisPrefix
    ? prefixedChannels(createRedisEventTarget({ publishClient: redis(), subscribeClient: redis() }), redisPrefix)
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
    loginThrottle: new LoginThrottle(
      options.throttleLimits,
      redisPrefix ? { client: redis(), prefix: redisPrefix } : undefined,
    ),
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
