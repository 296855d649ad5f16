import { MAX_GROUPS } from './groupChoice.js';

/**
 * Which label (0 = Group A, 1 = Group B, ...) each opinion group of a new run carries, so a
 * group keeps its name and colour when the analysis runs again: a visitor's "your group" and
 * the cards' colours do not jump because another group grew past it, or k-means started
 * elsewhere. Pure and deterministic: the same groups and the same previous run give the same
 * labels.
 */

/** A group of the previous run, as the next run needs it. */
export interface PreviousGroup {
  id: number;
  /** Its participants (numbers, not rows). */
  members: readonly number[];
  centre: readonly [number, number];
}

/** A group of this run, before it has a label. */
export interface UnlabelledGroup {
  members: readonly number[];
  centre: readonly [number, number];
}

/**
 * Labels for this run's groups (in the order given). A new group takes the label of the previous
 * group it shares the most participants with; pairs are settled greedily, the largest overlap
 * first (ties: the nearer centres, then the lower previous label, then the earlier new group),
 * each label used once. A group that shares no one with a previous group that is still free
 * takes the lowest label no group has now, preferring one the previous run did not use (up to
 * MAX_GROUPS labels) so a vanished group's name is not handed to a stranger while others are free.
 * With no previous run, groups are labelled in the order given (largest first, by the caller).
 */
export function groupLabels(groups: readonly UnlabelledGroup[], previous: readonly PreviousGroup[]): number[] {
  const labels = new Array<number>(groups.length).fill(-1);
  if (previous.length === 0) return labels.map((_, i) => i);
  const groupOf = new Map<number, number>();
  previous.forEach((p, j) => p.members.forEach((participant) => groupOf.set(participant, j)));
  const pairs: { i: number; j: number; shared: number; distance: number }[] = [];
  groups.forEach((g, i) => {
    const shared = new Array<number>(previous.length).fill(0);
    for (const participant of g.members) {
      const j = groupOf.get(participant);
      if (j !== undefined) shared[j]! += 1;
    }
    shared.forEach((count, j) => {
      if (count === 0) return;
      const p = previous[j]!;
      pairs.push({ i, j, shared: count, distance: Math.hypot(g.centre[0] - p.centre[0], g.centre[1] - p.centre[1]) });
    });
  });
  pairs.sort((a, b) => b.shared - a.shared || a.distance - b.distance || previous[a.j]!.id - previous[b.j]!.id || a.i - b.i);
  const taken = new Set<number>();
  for (const { i, j } of pairs) {
    const id = previous[j]!.id;
    if (labels[i] !== -1 || taken.has(id)) continue;
    labels[i] = id;
    taken.add(id);
  }
  const usedBefore = new Set(previous.map((p) => p.id));
  const free = (avoid: (id: number) => boolean): number | undefined => {
    for (let id = 0; id < MAX_GROUPS; id++) if (!taken.has(id) && !avoid(id)) return id;
    return undefined;
  };
  labels.forEach((label, i) => {
    if (label !== -1) return;
    let id = free((l) => usedBefore.has(l)) ?? free(() => false);
    // More groups than labels can only happen if MAX_GROUPS shrank: count on past it.
    for (let extra = MAX_GROUPS; id === undefined; extra++) if (!taken.has(extra)) id = extra;
    labels[i] = id;
    taken.add(id);
  });
  return labels;
}
