/**
 * A token bucket: `capacity` tokens, refilled at `ratePerSecond`. Each message takes one.
 * Time is passed in so tests need no clock.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(private readonly capacity: number, private readonly ratePerSecond: number, now: number) {
    this.tokens = capacity;
    this.last = now;
  }

  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Decides what happens to a client that keeps sending more than its bucket allows: each
 * refused message is a strike; strikes decay, and too many inside the window ends the connection.
 */
export class FloodGuard {
  private strikes = 0;
  private windowStart: number;
  private lastWarning = -Infinity;

  constructor(private readonly maxStrikes: number, private readonly windowMs: number, now: number) {
    this.windowStart = now;
  }

  /** Record a refused message. Returns 'warn' at most once a second, 'disconnect' past the limit. */
  strike(now: number): 'quiet' | 'warn' | 'disconnect' {
    if (now - this.windowStart > this.windowMs) {
      this.windowStart = now;
      this.strikes = 0;
    }
    this.strikes++;
    if (this.strikes > this.maxStrikes) return 'disconnect';
    if (now - this.lastWarning >= 1000) {
      this.lastWarning = now;
      return 'warn';
    }
    return 'quiet';
  }
}
