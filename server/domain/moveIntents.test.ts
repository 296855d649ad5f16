import { describe, expect, it } from 'vitest';
import { MAX_CREDIT, MAX_QUEUED, MoveIntents } from './moveIntents.js';

const input = (seq: number) => ({ seq, forward: 1, strafe: 0, run: false, yaw: 0 });

describe('MoveIntents', () => {
  it('applies one input per tick in order and refuses replays', () => {
    const q = new MoveIntents();
    expect(q.push(input(1))).toBe('ok');
    expect(q.push(input(2))).toBe('ok');
    expect(q.push(input(2))).toBe('stale');
    expect(q.push(input(1))).toBe('stale');
    expect(q.drain().map((i) => i.seq)).toEqual([1]);
    expect(q.drain().map((i) => i.seq)).toEqual([2]);
    expect(q.drain()).toEqual([]);
  });

  it('never applies more steps than ticks plus the banked credit', () => {
    const q = new MoveIntents();
    for (let i = 0; i < 5; i++) q.drain(); // idle ticks bank credit, up to the cap
    let applied = 0;
    for (let tick = 1; tick <= 20; tick++) {
      for (let k = 0; k < 3; k++) q.push(input(tick * 10 + k)); // three per tick: a client sending too fast
      applied += q.drain().length;
      expect(applied).toBeLessThanOrEqual(tick + MAX_CREDIT);
    }
    expect(applied).toBeGreaterThanOrEqual(20);
  });

  it('keeps at most MAX_QUEUED inputs, dropping the oldest', () => {
    const q = new MoveIntents();
    for (let i = 1; i <= MAX_QUEUED + 3; i++) q.push(input(i));
    expect(q.drain()[0]!.seq).toBe(4);
  });
});
