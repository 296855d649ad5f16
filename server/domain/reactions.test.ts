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
});
