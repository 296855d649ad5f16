import { describe, expect, it } from 'vitest';
import { analyse, type ConsensusAnalysis } from './analysis.js';
import { groupLabels, type PreviousGroup } from './groupIdentity.js';
import { voteTableFromRows, type VoteValue } from './votes.js';

/** Group labels kept from run to run (issue 20): hand-built groups, then whole analyses. */

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const group = (members: number[], centre: [number, number] = [0, 0]) => ({ members, centre });
const before = (id: number, members: number[], centre: [number, number] = [0, 0]): PreviousGroup => ({ id, members, centre });

describe('group labels', () => {
  it('labels the first run in the order given', () => {
    expect(groupLabels([group([1, 2, 3]), group([4, 5])], [])).toEqual([0, 1]);
  });

  it('keeps a label with the group sharing the most people, whatever the new order', () => {
    // B (label 1) grew past A: it comes first now, and keeps label 1.
    const previous = [before(0, range(0, 10)), before(1, range(10, 18))];
    expect(groupLabels([group(range(10, 22)), group(range(0, 10))], previous)).toEqual([1, 0]);
  });

  it('gives a split-off group a label no one had, and keeps the others', () => {
    const previous = [before(0, range(0, 20)), before(1, range(20, 40))];
    // Group 0 split: 12 stay together, 8 form a new group; group 1 is unchanged.
    const labels = groupLabels([group(range(20, 40)), group(range(0, 12)), group(range(12, 20))], previous);
    expect(labels).toEqual([1, 0, 2]);
  });

  it('lets a merged group keep the label of the side it shares most with, and retires the other', () => {
    const previous = [before(0, range(0, 10)), before(1, range(10, 16)), before(2, range(16, 30))];
    const labels = groupLabels([group([...range(0, 10), ...range(10, 16)]), group(range(16, 30))], previous);
    expect(labels).toEqual([0, 2]);
  });

  it('does not hand a retired label to a group of newcomers while another is free', () => {
    const previous = [before(0, range(0, 10)), before(1, range(10, 20))];
    // Group 1's people all joined group 0; a new group of people never seen before appears.
    const labels = groupLabels([group(range(0, 20)), group(range(100, 110))], previous);
    expect(labels).toEqual([0, 2]);
  });

  it('settles equal overlaps by the nearer centre, then the lower label, the same way every time', () => {
    const previous = [before(3, [1, 2], [5, 5]), before(1, [3, 4], [0, 0])];
    // One new group shares two people with each; its centre is next to label 3's.
    expect(groupLabels([group([1, 2, 3, 4], [5, 4.9]), group([9], [0, 0])], previous)).toEqual([3, 0]);
    // Same distances: the lower label wins.
    expect(groupLabels([group([1, 2, 3, 4], [2.5, 2.5])], previous)).toEqual([1]);
    // The order the previous groups are listed in changes nothing.
    expect(groupLabels([group([1, 2, 3, 4], [2.5, 2.5])], [...previous].reverse())).toEqual([1]);
  });
});

// Seven statements: two camps vote opposite ways on each (seven votes put a participant on the map).
const camp = (side: 1 | -1): VoteValue[] => [side, side, side, side, -side as VoteValue, -side as VoteValue, -side as VoteValue];
const rows = (x: number, y: number) => [...Array.from({ length: x }, () => camp(1)), ...Array.from({ length: y }, () => camp(-1))];
const STATEMENTS = range(0, 7);

function previousOf(a: ConsensusAnalysis): PreviousGroup[] {
  return a.groups.map((g) => ({ id: g.id, centre: g.centre, members: a.points.filter((p) => p.group === g.id).map((p) => p.participant) }));
}

describe('an analysis run again', () => {
  it("keeps each group's label when another group grows past it", () => {
    // Run 1: camp X (participants 0-9) outnumbers camp Y (10-17).
    const first = analyse({ statements: STATEMENTS, votes: voteTableFromRows(rows(10, 8)), seed: 3 });
    expect(first.groups.map((g) => [g.id, g.size])).toEqual([[0, 10], [1, 8]]);
    const xLabel = first.points[0]!.group;
    const yLabel = first.points[10]!.group;
    // Run 2: four more join camp Y, which is now the larger.
    const second = analyse({ statements: STATEMENTS, votes: voteTableFromRows(rows(10, 12)), seed: 3, previous: first.groupCount, previousGroups: previousOf(first) });
    expect(second.points[0]!.group).toBe(xLabel);
    expect(second.points[10]!.group).toBe(yLabel);
    expect(second.points[21]!.group).toBe(yLabel);
    expect(second.groups.map((g) => [g.id, g.size])).toEqual([[xLabel, 10], [yLabel, 12]]);
  });

  it('is the same analysis for the same votes and the same previous run', () => {
    const first = analyse({ statements: STATEMENTS, votes: voteTableFromRows(rows(10, 8)), seed: 3 });
    const again = () => analyse({ statements: STATEMENTS, votes: voteTableFromRows(rows(10, 12)), seed: 3, previous: first.groupCount, previousGroups: previousOf(first) });
    expect(again()).toEqual(again());
  });
});
