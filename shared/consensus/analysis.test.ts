import { describe, expect, it } from 'vitest';
import { analyse } from './analysis.js';
import { bestCount, chooseGroupCount, groupCounts, SWITCH_AFTER_RUNS, type GroupCountState } from './groupChoice.js';
import { chooseGroups } from './groups.js';
import { syntheticConversation } from './synthetic.js';
import { voteTableFromRows, type VoteValue } from './votes.js';

describe('how many groups', () => {
  it('tries k = 2 .. min(5, 2 + floor(bases / 12)), never above the bases', () => {
    expect(groupCounts(1)).toEqual([]);
    expect(groupCounts(2)).toEqual([2]);
    expect(groupCounts(11)).toEqual([2]);
    expect(groupCounts(12)).toEqual([2, 3]);
    expect(groupCounts(36)).toEqual([2, 3, 4, 5]);
    expect(groupCounts(100)).toEqual([2, 3, 4, 5]);
  });

  it('picks the k with the best silhouette', () => {
    expect(bestCount(new Map([[2, 0.4], [3, 0.7], [4, 0.5]]))).toBe(3);
    // A tie goes to fewer groups.
    expect(bestCount(new Map([[3, 0.5], [2, 0.5]]))).toBe(2);
    // Three tight clumps of five base clusters each: 3 groups beat 2.
    const xs: number[] = [];
    const ys: number[] = [];
    [[0, 0], [10, 0], [5, 9]].forEach(([cx, cy]) => {
      for (let i = 0; i < 5; i++) {
        xs.push(cx! + (i % 2) * 0.3);
        ys.push(cy! + i * 0.1);
      }
    });
    const choice = chooseGroups({ xs: Float64Array.from(xs), ys: Float64Array.from(ys), weights: new Float64Array(15).fill(2) }, 1, undefined);
    expect(choice.scores.map((s) => s.k)).toEqual([2, 3]);
    expect(choice.scores[1]!.score).toBeGreaterThan(choice.scores[0]!.score);
    expect(choice.k).toBe(3);
    expect(new Set(choice.assignment.slice(0, 5)).size).toBe(1);
    expect(new Set([choice.assignment[0], choice.assignment[5], choice.assignment[10]]).size).toBe(3);
  });

  it('switches to a new k only after it has been best on several consecutive runs', () => {
    const prefer = (k: number) => new Map([[2, k === 2 ? 0.9 : 0.5], [3, k === 3 ? 0.9 : 0.5]]);
    let state: GroupCountState = chooseGroupCount(prefer(2), undefined);
    expect(state.k).toBe(2);
    for (let run = 1; run < SWITCH_AFTER_RUNS; run++) {
      state = chooseGroupCount(prefer(3), state);
      expect(state).toEqual({ k: 2, candidate: 3, streak: run });
    }
    // One run preferring 2 again resets the streak: no flapping.
    state = chooseGroupCount(prefer(2), state);
    expect(state).toEqual({ k: 2, candidate: 0, streak: 0 });
    for (let run = 1; run <= SWITCH_AFTER_RUNS; run++) state = chooseGroupCount(prefer(3), state);
    expect(state.k).toBe(3);
  });

  it('drops a k that can no longer be tried at once', () => {
    expect(chooseGroupCount(new Map([[2, 0.3]]), { k: 4, candidate: 0, streak: 0 }).k).toBe(2);
  });
});

describe('the analysis', () => {
  const conversation = syntheticConversation({ participants: 120, statements: 30, groups: 3, density: 0.6, seed: 11 });
  const input = { statements: conversation.statements, votes: conversation.votes, seed: 42 };

  it('is deterministic: same votes and seed, same map and groups', () => {
    expect(analyse(input)).toEqual(analyse(input));
  });

  it('finds the planted groups', () => {
    const result = analyse(input);
    expect(result.participantCount).toBe(120);
    expect(result.clusteredCount).toBe(120);
    expect(result.groups).toHaveLength(3);
    // Nearly everyone planted in one group lands in one found group (a few noisy voters may not),
    // and each planted group has a found group of its own.
    const homes = new Set<number>();
    for (let planted = 0; planted < 3; planted++) {
      const found = result.points.filter((p) => conversation.groupOf(p.participant) === planted).map((p) => p.group);
      const counts = new Map<number, number>();
      for (const g of found) counts.set(g, (counts.get(g) ?? 0) + 1);
      const [home, most] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      expect(most / found.length).toBeGreaterThanOrEqual(0.9);
      homes.add(home);
    }
    expect(homes.size).toBe(3);
    expect(result.groups.every((g) => g.representative.length > 0 && g.representative.length <= 5)).toBe(true);
    expect(result.groupInformed).toHaveLength(30);
  });

  it('keeps the group count across runs through its state', () => {
    const first = analyse(input);
    const again = analyse({ ...input, previous: first.groupCount });
    expect(again.groupCount.k).toBe(first.groupCount.k);
  });

  it('copes with almost nothing', () => {
    expect(analyse({ statements: [], votes: voteTableFromRows([]), seed: 1 }).groups).toEqual([]);
    const one = analyse({ statements: [0, 1], votes: voteTableFromRows([[1, -1]]), seed: 1 });
    expect(one.groups).toHaveLength(1);
    expect(one.points).toEqual([{ participant: 0, x: 0, y: 0, group: 0 }]);
    const two = analyse({ statements: [0, 1], votes: voteTableFromRows([[1, -1], [-1, 1]]), seed: 1 });
    expect(two.groups.map((g) => g.size)).toEqual([1, 1]);
  });

  it('leaves out participants with too few votes (more than 15 qualify) and marks them unclustered', () => {
    const rows: (VoteValue | null)[][] = Array.from({ length: 16 }, (_, p) => Array.from({ length: 8 }, (__, s) => ((p + s) % 3 === 0 ? 1 : -1)));
    rows.push([1, null, null, null, null, null, null, null]);
    const result = analyse({ statements: [0, 1, 2, 3, 4, 5, 6, 7], votes: voteTableFromRows(rows), seed: 3 });
    expect(result.clusteredCount).toBe(16);
    expect(result.points.find((p) => p.participant === 16)!.group).toBe(-1);
  });
});
