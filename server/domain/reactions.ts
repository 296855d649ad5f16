import { REACTIONS, type Reaction, type ReactionBurst } from '../../shared/protocol/townhall.js';

/** How many reacting people per kind a burst names (for drawing above their avatars). */
export const REACTION_SAMPLE = 8;

/**
 * Collects reactions between flushes and hands out one burst: totals per kind plus a small
 * sample of who reacted. However many people clap, the room sends one message per flush.
 */
export class ReactionAggregator {
  private counts = emptyCounts();
  private from = emptyFrom();
  private any = false;

  add(sessionId: string, kind: Reaction): void {
    this.counts[kind]++;
    const sample = this.from[kind];
    if (sample.length < REACTION_SAMPLE && !sample.includes(sessionId)) sample.push(sessionId);
    this.any = true;
  }

  /** The burst since the last flush, or null when nobody reacted. */
  flush(): ReactionBurst | null {
    if (!this.any) return null;
    const burst = { counts: this.counts, from: this.from };
    this.counts = emptyCounts();
    this.from = emptyFrom();
    this.any = false;
    return burst;
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
