import { describe, expect, it } from 'vitest';
import { REACTION_SAMPLE, ReactionAggregator } from './reactions.js';

describe('reaction aggregation', () => {
  it('turns many reactions into one burst per flush: totals, and a small sample of who', () => {
    const aggregator = new ReactionAggregator();
    expect(aggregator.flush()).toBeNull();
    for (let i = 0; i < 1000; i++) aggregator.add(`s${i % 50}`, i % 10 === 0 ? 'laugh' : 'applause');
    const burst = aggregator.flush()!;
    expect(burst.counts).toEqual({ applause: 900, agree: 0, disagree: 0, laugh: 100 });
    expect(burst.from.applause).toHaveLength(REACTION_SAMPLE);
    expect(new Set(burst.from.applause).size).toBe(REACTION_SAMPLE);
    expect(burst.from.agree).toEqual([]);
    expect(aggregator.flush()).toBeNull();
    aggregator.add('x', 'agree');
    aggregator.add('x', 'agree');
    expect(aggregator.flush()).toEqual({ counts: { applause: 0, agree: 2, disagree: 0, laugh: 0 }, from: { applause: [], agree: ['x'], disagree: [], laugh: [] } });
  });

  it("adds other sections' counts to the burst here, but tells the others only this section's own", () => {
    const aggregator = new ReactionAggregator();
    aggregator.addElsewhere({ applause: 40, laugh: 0 });
    // Nobody here reacted: the hall still shows the others' applause, and tells them nothing back.
    expect(aggregator.flushWithOwn()).toEqual({
      burst: { counts: { applause: 40, agree: 0, disagree: 0, laugh: 0 }, from: { applause: [], agree: [], disagree: [], laugh: [] } },
      own: null,
    });
    aggregator.add('a', 'applause');
    aggregator.addElsewhere({ applause: 2, agree: -5, laugh: 1.5 });
    const next = aggregator.flushWithOwn()!;
    expect(next.burst.counts).toEqual({ applause: 3, agree: 0, disagree: 0, laugh: 0 });
    expect(next.own).toEqual({ applause: 1, agree: 0, disagree: 0, laugh: 0 });
    expect(aggregator.flushWithOwn()).toBeNull();
  });
});
