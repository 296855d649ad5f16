import { REACTIONS, type Reaction, type ReactionBurst } from '../../shared/protocol/townhall.js';

/** How many reacting people per kind a burst names (for drawing above their avatars). */
export const REACTION_SAMPLE = 8;

/**
 * Collects reactions between flushes and hands out one burst: totals per kind plus a small
 * sample of who reacted. However many people clap, the room sends one message per flush.
 */
export class ReactionAggregator {
  private counts = emptyCounts();
  private elsewhere = emptyCounts();
  private from = emptyFrom();
  private any = false;

  add(sessionId: string, kind: Reaction): void {
    this.counts[kind]++;
    const sample = this.from[kind];
    if (sample.length < REACTION_SAMPLE && !sample.includes(sessionId)) sample.push(sessionId);
    this.any = true;
  }

  /**
   * Reactions counted in the event's other sections since their last flush: added to the next
   * burst here (the audience hears the whole event clap), never to what this section tells them.
   */
  addElsewhere(counts: Partial<Record<Reaction, number>>): void {
    for (const kind of REACTIONS) {
      const n = counts[kind];
      if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) continue;
      this.elsewhere[kind] += Math.min(n, 1_000_000);
      this.any = true;
    }
  }

  /** The burst since the last flush (this section's and the others'), or null when nobody reacted. */
  flush(): ReactionBurst | null {
    return this.flushWithOwn()?.burst ?? null;
  }

  /** The burst to show here, and this section's own counts to tell the other sections (null if none here). */
  flushWithOwn(): { burst: ReactionBurst; own: Record<Reaction, number> | null } | null {
    if (!this.any) return null;
    const own = REACTIONS.some((kind) => this.counts[kind] > 0) ? this.counts : null;
    const counts = emptyCounts();
    for (const kind of REACTIONS) counts[kind] = this.counts[kind] + this.elsewhere[kind];
    const burst = { counts, from: this.from };
    this.counts = emptyCounts();
    this.elsewhere = emptyCounts();
    this.from = emptyFrom();
    this.any = false;
    return { burst, own };
  }
}

function emptyCounts(): Record<Reaction, number> {
  return Object.fromEntries(REACTIONS.map((r) => [r, 0])) as Record<Reaction, number>;
}

function emptyFrom(): Record<Reaction, string[]> {
  return Object.fromEntries(REACTIONS.map((r) => [r, []])) as unknown as Record<Reaction, string[]>;
}

/** Reactions go out at most this often (every N ticks of the room). */
export const REACTION_EVERY_TICKS = 5;
