import type { MoveInput } from '../../shared/protocol/messages.js';

/**
 * The movement inputs of one avatar waiting for the simulation. Each tick grants one step of
 * credit (at most MAX_CREDIT banked, to absorb network jitter), and each applied input costs one,
 * so over any window an avatar takes no more steps than ticks passed (+ a small burst):
 * the speed cap holds however fast a client sends.
 */
export const MAX_QUEUED = 4;
export const MAX_CREDIT = 2;

export class MoveIntents {
  private queue: MoveInput[] = [];
  private credit = 0;
  private lastSeq = -1;

  /** Accept an input if it is newer than the last one; refuse duplicates and replays. */
  push(input: MoveInput): 'ok' | 'stale' | 'overflow' {
    if (input.seq <= this.lastSeq) return 'stale';
    this.lastSeq = input.seq;
    if (this.queue.length >= MAX_QUEUED) {
      this.queue.shift();
      this.queue.push(input);
      return 'overflow';
    }
    this.queue.push(input);
    return 'ok';
  }

  /** Called once per tick: the inputs to apply this tick, in order. */
  drain(): MoveInput[] {
    this.credit = Math.min(MAX_CREDIT, this.credit + 1);
    const out: MoveInput[] = [];
    while (this.credit >= 1 && this.queue.length > 0) {
      out.push(this.queue.shift()!);
      this.credit -= 1;
      // Apply a second input in the same tick only to catch up a backlog.
      if (this.queue.length < 2) break;
    }
    return out;
  }

  clear(): void {
    this.queue = [];
  }
}
