import type { MatchMakerDriver, Presence } from '@colyseus/core';
import type { LimitStoreClient } from './auth/loginLimiter.js';
import type { SharedKeys } from './clusterChecks.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';

/**
 * What several processes share (REDIS_URL): Colyseus' own scaling parts, RedisPresence (IPC,
 * pub/sub: seat reservations in rooms on other processes, the change feed) and RedisDriver (the
 * room list every process matchmakes from), this process's public address, and a Redis client
 * for limits that must count across processes.
 */
export interface Cluster {
  presence: Presence;
  driver: MatchMakerDriver;
  /** Where browsers reach rooms of this process (host[:port][/path]); undefined: the page's own address. */
  publicAddress: string | undefined;
  limitStore: LimitStoreClient;
  /** Plain keys for the checks of what the processes must share (clusterChecks.ts). */
  keys: SharedKeys;
  close(): Promise<void>;
}

/** Redis answers PING within this, or start-up stops with a sentence naming REDIS_URL. */
const CONNECT_TIMEOUT_MS = 5000;

/** Where the URL points, without a password, for logs and errors. */
export function redisLocation(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname.length > 1 ? u.pathname : ''}`;
}

/** Connects to the shared Redis; undefined when REDIS_URL is unset (one process, in-memory parts). */
export async function joinCluster(config: Pick<Config, 'REDIS_URL' | 'PUBLIC_ADDRESS'>, log: Logger): Promise<Cluster | undefined> {
  const url = config.REDIS_URL;
  if (!url) return undefined;
  const where = redisLocation(url);
  // Loaded only here: one process never loads the Redis client.
  const [{ Redis }, { RedisPresence }, { RedisDriver }] = await Promise.all([
    import('ioredis'), import('@colyseus/redis-presence'), import('@colyseus/redis-driver'),
  ]);
  const limitStore = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  limitStore.on('error', (err: Error) => log.warn({ err: err.message, redis: where }, 'redis: limit store connection problem'));
  try {
    await limitStore.connect();
    await limitStore.ping();
  } catch (err) {
    limitStore.disconnect();
    throw new Error(`REDIS_URL: could not reach Redis at ${where} (${err instanceof Error ? err.message : String(err)}). Start it (scripts/redis.sh start) or fix REDIS_URL.`, { cause: err });
  }
  const presence = new RedisPresence(url);
  const driver = new RedisDriver(url);
  log.info({ redis: where, publicAddress: config.PUBLIC_ADDRESS ?? null }, 'cluster: sharing rooms and changes through Redis');
  return {
    presence,
    driver,
    publicAddress: config.PUBLIC_ADDRESS,
    limitStore,
    keys: limitStore,
    async close() {
      // Presence and driver are shut down by the Colyseus server itself.
      await limitStore.quit().catch(() => limitStore.disconnect());
    },
  };
}
