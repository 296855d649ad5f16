import { RateLimiterMemory } from 'rate-limiter-flexible';

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
 * over a sliding window. Past either limit, sign-ins are refused without checking the password,
 * so guessing costs the attacker time rather than us CPU. A success clears the account's count.
 * In memory: with several processes each counts its own (a Redis store is the next step).
 */
export function createLoginLimiter(limits: LoginLimits) {
  const byAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: limits.perAccount, duration: limits.windowSeconds });
  const byIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: limits.perIp, duration: limits.windowSeconds });

  const blockedFor = async (limiter: RateLimiterMemory, key: string, points: number): Promise<number> => {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= points ? state.msBeforeNext / 1000 : 0;
  };

  return {
    /** A block if this account or address has used up its failures, otherwise null. */
    async check(accountKey: string, ip: string): Promise<LoginBlock | null> {
      const wait = Math.max(
        await blockedFor(byAccount, accountKey, limits.perAccount),
        await blockedFor(byIp, ip, limits.perIp),
      );
      return wait > 0 ? { retryAfterSeconds: wait } : null;
    },

    async failed(accountKey: string, ip: string): Promise<void> {
      // consume() rejects once the points are gone; the count is what matters here.
      await byAccount.consume(accountKey).catch(() => undefined);
      await byIp.consume(ip).catch(() => undefined);
    },

    async succeeded(accountKey: string): Promise<void> {
      await byAccount.delete(accountKey);
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
