import { VR_POSE_HZ } from '../../shared/protocol/vr.js';

/** Who a limit counts against. */
export type LimitKey = 'connection' | 'identity' | 'account (email asked for)' | 'client address';

/** One limit: a bucket of `burst` tokens refilled at `perSecond`; each counted thing takes one. */
export interface RateLimit {
  what: string;
  per: LimitKey;
  perSecond: number;
  burst: number;
  /** What happens past it. */
  then: string;
}

/**
 * Every limit the server enforces, in one table. Room features and HTTP routes never build
 * their own buckets: they name a row here and use one KeyedLimiter for it.
 */
export const RATE_LIMITS = {
  message: { what: 'room messages of any type (VR poses excepted)', per: 'connection', perSecond: 30, burst: 45, then: 'dropped; a RATE_LIMITED notice at most once a second; each drop is a flood strike' },
  flood: { what: 'messages dropped by the message limit (strikes)', per: 'connection', perSecond: 18, burst: 90, then: 'the connection is closed with code FLOODING' },
  floodNotice: { what: 'RATE_LIMITED notices about dropped messages', per: 'connection', perSecond: 1, burst: 1, then: 'not sent' },
  refusalReplies: { what: 'error replies the server sends back', per: 'connection', perSecond: 4, burst: 1, then: 'not sent (a bad client cannot make the server amplify)' },
  vrPose: { what: 'VR head and hand poses', per: 'connection', perSecond: VR_POSE_HZ + 4, burst: 6, then: 'dropped like any message past the limit' },
  teleport: { what: 'VR teleports (a held trigger cannot skate across the room)', per: 'connection', perSecond: 4, burst: 1, then: 'RATE_LIMITED: one teleport at a time' },
  reaction: { what: 'reactions', per: 'connection', perSecond: 3, burst: 6, then: 'dropped quietly' },
  question: { what: 'questions asked', per: 'identity', perSecond: 1 / 20, burst: 3, then: 'RATE_LIMITED with a sentence' },
  vote: { what: 'question votes', per: 'identity', perSecond: 2, burst: 20, then: 'RATE_LIMITED with a sentence' },
  consensusVote: { what: 'consensus votes (agree, disagree, pass; HTTP)', per: 'identity', perSecond: 4, burst: 30, then: 'HTTP 429 RATE_LIMITED with a sentence; the vote is not recorded' },
  consensusStatement: { what: "statements visitors add to a consensus question (HTTP; a space's staff are not counted)", per: 'identity', perSecond: 1 / 30, burst: 5, then: 'HTTP 429 RATE_LIMITED with a sentence' },
} as const satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * Failed sign-ins (and wrong current passwords): the operator sets how many per window with
 * LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_MAX_FAILURES_PER_IP and LOGIN_WINDOW_MINUTES. The window's
 * allowance is the burst and refills evenly over the window, so the long-run rate is the same.
 */
export function loginLimits(maxPerAccount: number, maxPerAddress: number, windowSeconds: number): { account: RateLimit; address: RateLimit } {
  const then = 'HTTP 429 RATE_LIMITED with Retry-After; the password is not checked';
  return {
    account: { what: 'failed sign-ins', per: 'account (email asked for)', perSecond: maxPerAccount / windowSeconds, burst: maxPerAccount, then },
    address: { what: 'failed sign-ins', per: 'client address', perSecond: maxPerAddress / windowSeconds, burst: maxPerAddress, then },
  };
}

interface Bucket { tokens: number; at: number }

/** Entries kept before full (idle) buckets are swept out; a full bucket is the same as none. */
const SWEEP_AT = 4096;

/**
 * The one keyed-bucket helper: one limit, a bucket per key (a connection, an identity, an
 * address). Time is passed in, so the rule is tested without a clock. Idle keys cost nothing
 * for long: a bucket that has refilled is forgotten.
 */
export class KeyedLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly limit: RateLimit) {}

  private level(key: string, now: number): Bucket {
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.limit.burst, at: now };
    const elapsed = Math.max(0, now - b.at) / 1000;
    return { tokens: Math.min(this.limit.burst, b.tokens + elapsed * this.limit.perSecond), at: Math.max(now, b.at) };
  }

  /** Whether `key` has a token now (nothing is taken). */
  available(key: string, now: number): boolean {
    return this.level(key, now).tokens >= 1;
  }

  /** Takes a token for `key` if it has one; false when it is over the limit. */
  take(key: string, now: number): boolean {
    const b = this.level(key, now);
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > SWEEP_AT) this.sweep(now);
    return true;
  }

  /** Seconds until `key` has a token again (0 when it has one). */
  waitSeconds(key: string, now: number): number {
    const b = this.level(key, now);
    return b.tokens >= 1 ? 0 : (1 - b.tokens) / this.limit.perSecond;
  }

  /** Forget a key (the connection left, a sign-in succeeded). */
  forget(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Drops every bucket that has refilled (it would behave the same as a fresh one). */
  sweep(now: number): void {
    for (const key of [...this.buckets.keys()]) if (this.level(key, now).tokens >= this.limit.burst) this.buckets.delete(key);
  }
}

/** A connection's limits, one KeyedLimiter per row the room uses, keyed by session id. */
export function roomLimiters() {
  return {
    message: new KeyedLimiter(RATE_LIMITS.message),
    flood: new KeyedLimiter(RATE_LIMITS.flood),
    floodNotice: new KeyedLimiter(RATE_LIMITS.floodNotice),
    refusalReplies: new KeyedLimiter(RATE_LIMITS.refusalReplies),
    vrPose: new KeyedLimiter(RATE_LIMITS.vrPose),
    teleport: new KeyedLimiter(RATE_LIMITS.teleport),
    reaction: new KeyedLimiter(RATE_LIMITS.reaction),
    question: new KeyedLimiter(RATE_LIMITS.question),
    vote: new KeyedLimiter(RATE_LIMITS.vote),
  };
}
export type RoomLimiters = ReturnType<typeof roomLimiters>;
