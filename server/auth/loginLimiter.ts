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
 * than us CPU. A success clears the account's count. In memory: with several processes each
 * counts its own (a Redis store is the next step).
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
