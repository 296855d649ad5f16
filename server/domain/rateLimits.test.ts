import { describe, expect, it } from 'vitest';
import { KeyedLimiter, loginLimits, RATE_LIMITS, roomLimiters, type RateLimit } from './rateLimits.js';

const limit = (burst: number, perSecond: number): RateLimit => ({ what: 'test', per: 'connection', perSecond, burst, then: 'dropped' });

describe('the rate-limit table', () => {
  it('states every limit with a positive rate and a burst of at least one', () => {
    for (const [name, row] of Object.entries(RATE_LIMITS)) {
      expect(row.perSecond, name).toBeGreaterThan(0);
      expect(row.burst, name).toBeGreaterThanOrEqual(1);
      expect(row.what.length, name).toBeGreaterThan(0);
    }
    // The room has one limiter per row it uses, each built from the table.
    const room = roomLimiters();
    for (const [name, limiter] of Object.entries(room)) expect(limiter.limit, name).toBe(RATE_LIMITS[name as keyof typeof RATE_LIMITS]);
  });

  it('turns the sign-in settings into a burst of the window allowance refilled over the window', () => {
    const { account, address } = loginLimits(10, 50, 900);
    expect([account.burst, account.perSecond * 900]).toEqual([10, 10]);
    expect([address.burst, address.perSecond * 900]).toEqual([50, 50]);
  });
});

describe('KeyedLimiter', () => {
  it('allows the burst, then the refill rate, for each key on its own', () => {
    const l = new KeyedLimiter(limit(3, 10));
    expect([l.take('a', 0), l.take('a', 0), l.take('a', 0), l.take('a', 0)]).toEqual([true, true, true, false]);
    expect(l.take('b', 0)).toBe(true);
    expect(l.take('a', 50)).toBe(false); // half a token
    expect(l.take('a', 100)).toBe(true);
  });

  it('tells how long until the next token without taking one', () => {
    const l = new KeyedLimiter(limit(2, 0.5));
    expect(l.waitSeconds('k', 0)).toBe(0);
    l.take('k', 0);
    l.take('k', 0);
    expect(l.available('k', 0)).toBe(false);
    expect(l.waitSeconds('k', 0)).toBe(2);
    expect(l.waitSeconds('k', 1000)).toBe(1);
    expect(l.available('k', 2000)).toBe(true);
    expect(l.available('k', 2000)).toBe(true); // looking takes nothing
  });

  it('forgets a key, and sweeps buckets that have refilled', () => {
    const l = new KeyedLimiter(limit(1, 1));
    l.take('gone', 0);
    l.forget('gone');
    expect(l.take('gone', 0)).toBe(true);
    l.take('idle', 0);
    expect(l.size).toBe(2);
    l.sweep(5000);
    expect(l.size).toBe(0);
  });

  it('a flood: dropped messages are strikes, and the flood row ends the connection past its burst', () => {
    const strikes = new KeyedLimiter(RATE_LIMITS.flood);
    let n = 0;
    while (strikes.take('flooder', 0)) n++;
    expect(n).toBe(RATE_LIMITS.flood.burst);
    // Five seconds of quiet forgive them all.
    expect(strikes.waitSeconds('flooder', 5000)).toBe(0);
  });
});
