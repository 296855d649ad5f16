import { describe, expect, it } from 'vitest';
import {
  addLatency, allCounts, countOf, effectKey, emptyTally, maxOfCounts, mergeTally, quantileOfCounts, summarize, tallyFanout,
  type LatencyCounts, type ModeratorAction, type VisitorReceipts,
} from './fanout.js';

const counts = (values: number[]): LatencyCounts => {
  const c: LatencyCounts = {};
  for (const v of values) addLatency(c, v);
  return c;
};

const visitor = (section: number, seen: [string, number][], joinedAt = 0, goneAt = Infinity): VisitorReceipts => ({
  section, joinedAt, goneAt, seen: new Map(seen),
});

describe('latency counts', () => {
  it('counts whole milliseconds, never below zero', () => {
    expect(counts([3.4, 3.6, -2, 0])).toEqual({ 0: 2, 3: 1, 4: 1 });
  });

  it('gives nearest-rank quantiles and the maximum', () => {
    const c = counts(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(quantileOfCounts(c, 0.5)).toBe(50);
    expect(quantileOfCounts(c, 0.99)).toBe(99);
    expect(quantileOfCounts(c, 1)).toBe(100);
    expect(quantileOfCounts(c, 0)).toBe(1);
    expect(maxOfCounts(c)).toBe(100);
    expect(countOf(c)).toBe(100);
  });

  it('says NaN with no samples', () => {
    expect(quantileOfCounts({}, 0.99)).toBeNaN();
    expect(maxOfCounts({})).toBeNaN();
  });

  it('sorts numerically, not as text', () => {
    expect(quantileOfCounts(counts([9, 10, 100]), 0.34)).toBe(10);
  });
});

describe('tallyFanout', () => {
  const actions: ModeratorAction[] = [
    { kind: 'answer', key: 'q1', sentAt: 1000 },
    { kind: 'floorCall', key: 's9', sentAt: 2000 },
  ];

  it('times each effect from the send, by kind and by section', () => {
    const t = tallyFanout(actions, [
      visitor(1, [[effectKey('answer', 'q1'), 1040], [effectKey('floorCall', 's9'), 2100]]),
      visitor(2, [[effectKey('answer', 'q1'), 1200], [effectKey('floorCall', 's9'), 2250]]),
    ]);
    expect(t.byKind.answer!.counts).toEqual({ 40: 1, 200: 1 });
    expect(t.byKind.floorCall!.counts).toEqual({ 100: 1, 250: 1 });
    expect(t.bySection['2']!.counts).toEqual({ 200: 1, 250: 1 });
    expect(t.seenBy).toEqual([2, 2]);
    expect(t.expected).toEqual([2, 2]);
  });

  it('counts a visitor connected at the send that never saw it (or only before it) as missed', () => {
    const t = tallyFanout(actions, [visitor(1, [[effectKey('answer', 'q1'), 900]]), visitor(3, [])]);
    expect(t.byKind.answer!.missed).toBe(2);
    expect(t.byKind.floorCall!.missed).toBe(2);
    expect(t.bySection['3']!.missed).toBe(2);
    expect(t.seenBy).toEqual([0, 0]);
  });

  it('leaves out visitors not connected when the action was sent', () => {
    const late = visitor(1, [[effectKey('answer', 'q1'), 1500], [effectKey('floorCall', 's9'), 2500]], 1200);
    const gone = visitor(1, [], 0, 1500);
    const t = tallyFanout(actions, [late, gone]);
    expect(t.expected).toEqual([1, 1]);
    expect(t.byKind.answer).toEqual({ counts: {}, missed: 1 });
    expect(t.byKind.floorCall).toEqual({ counts: { 500: 1 }, missed: 0 });
  });

  it('merges tallies of several processes exactly', () => {
    const a = tallyFanout(actions, [visitor(1, [[effectKey('answer', 'q1'), 1010]])]);
    const b = tallyFanout(actions, [visitor(2, [[effectKey('answer', 'q1'), 1010], [effectKey('floorCall', 's9'), 2030]])]);
    const merged = emptyTally(actions.length);
    mergeTally(merged, a);
    mergeTally(merged, b);
    expect(merged.byKind.answer!.counts).toEqual({ 10: 2 });
    expect(merged.seenBy).toEqual([2, 1]);
    expect(merged.expected).toEqual([2, 2]);
    expect(summarize(allCounts(merged))).toEqual({ samples: 3, missed: 1, p50Ms: 10, p99Ms: 30, maxMs: 30 });
  });
});
