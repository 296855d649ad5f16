import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { KeyedLimiter, loginLimits } from '../domain/rateLimits.js';

export interface LoginLimits {
  perAccount: number;
  perIp: number;
  windowSeconds: number;
}

/** Why a sign-in was not even tried, and for how long. */
export interface LoginBlock {
  retryAfterSeconds: number;
}

/**
 * Counts failed sign-ins per account (the email asked for, known or not) and per client address
 * (the limits are rows of server/domain/rateLimits.ts, kept by its KeyedLimiter). Past either,
 * sign-ins are refused without checking the password, so guessing costs the attacker time rather
 * than us CPU. A success clears the account's count. In memory: one process (with several, see
 * createSharedLoginLimiter).
 */
export function createLoginLimiter(limits: LoginLimits, clock: () => number = Date.now) {
  const rows = loginLimits(limits.perAccount, limits.perIp, limits.windowSeconds);
  const byAccount = new KeyedLimiter(rows.account);
  const byIp = new KeyedLimiter(rows.address);

  return {
    /** A block if this account or address has used up its failures, otherwise null. */
    async check(accountKey: string, ip: string): Promise<LoginBlock | null> {
      const now = clock();
      const wait = Math.max(byAccount.waitSeconds(accountKey, now), byIp.waitSeconds(ip, now));
      return wait > 0 ? { retryAfterSeconds: wait } : null;
    },

    async failed(accountKey: string, ip: string): Promise<void> {
      const now = clock();
      byAccount.take(accountKey, now);
      byIp.take(ip, now);
    },

    async succeeded(accountKey: string): Promise<void> {
      byAccount.forget(accountKey);
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

/** Whatever Redis client rate-limiter-flexible's Redis store takes (ioredis). */
export type LimitStoreClient = ConstructorParameters<typeof RateLimiterRedis>[0]['storeClient'];

/**
 * The same limits counted in Redis, so every process counts the same failures (several
 * processes, REDIS_URL): rate-limiter-flexible's RateLimiterRedis, LOGIN_MAX_FAILURES_* per
 * LOGIN_WINDOW_MINUTES window from the first failure. If Redis does not answer, each process
 * counts in its own memory meanwhile (the library's insurance limiter) rather than refusing
 * every sign-in.
 */
export function createSharedLoginLimiter(limits: LoginLimits, storeClient: LimitStoreClient): LoginLimiter {
  const limiter = (name: string, points: number): RateLimiterAbstract => new RateLimiterRedis({
    storeClient, keyPrefix: `hustings:login:${name}`, points, duration: limits.windowSeconds,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: `hustings:login:${name}`, points, duration: limits.windowSeconds }),
  });
  const byAccount = limiter('account', limits.perAccount);
  const byIp = limiter('address', limits.perIp);
  const waitSeconds = async (l: RateLimiterAbstract, key: string): Promise<number> => {
    const res = await l.get(key);
    return res && res.consumedPoints >= l.points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  };

  return {
    async check(accountKey: string, ip: string): Promise<LoginBlock | null> {
      const wait = Math.max(await waitSeconds(byAccount, accountKey), await waitSeconds(byIp, ip));
      return wait > 0 ? { retryAfterSeconds: wait } : null;
    },

    async failed(accountKey: string, ip: string): Promise<void> {
      await Promise.all([byAccount.penalty(accountKey, 1), byIp.penalty(ip, 1)]);
    },

    async succeeded(accountKey: string): Promise<void> {
      await byAccount.delete(accountKey);
    },
  };
}
