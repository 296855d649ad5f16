/** A new number of groups takes over only after it has been the best on this many consecutive runs. */
export const SWITCH_AFTER_RUNS = 3;
export const MAX_GROUPS = 5;

/** What one run hands the next so the number of groups does not flap. */
export interface GroupCountState {
  /** The number of groups shown. */
  k: number;
  /** The number that scored best on the latest runs but has not taken over yet (0: none). */
  candidate: number;
  /** Consecutive runs on which `candidate` was the best. */
  streak: number;
}

/** The numbers of groups tried for a count of base clusters: 2 .. min(5, 2 + floor(bases / 12)), never above bases. */
export function groupCounts(bases: number): number[] {
  const top = Math.min(MAX_GROUPS, 2 + Math.floor(bases / 12), bases);
  const counts: number[] = [];
  for (let k = 2; k <= top; k++) counts.push(k);
  return counts;
}

/** The best k by silhouette (the smaller k on a tie); undefined when nothing was tried. */
export function bestCount(scores: ReadonlyMap<number, number>): number | undefined {
  let best: number | undefined;
  for (const [k, score] of [...scores].sort((x, y) => x[0] - y[0])) {
    if (best === undefined || score > scores.get(best)!) best = k;
  }
  return best;
}

/**
 * Hysteresis: the first run takes the best k; later, the shown k stays until another k has been
 * the best on SWITCH_AFTER_RUNS consecutive runs. If the shown k can no longer be tried (too few
 * base clusters), the best one takes over at once.
 */
export function chooseGroupCount(scores: ReadonlyMap<number, number>, previous: GroupCountState | undefined): GroupCountState {
  const best = bestCount(scores);
  if (best === undefined) return { k: 1, candidate: 0, streak: 0 };
  if (!previous || !scores.has(previous.k)) return { k: best, candidate: 0, streak: 0 };
  if (best === previous.k) return { k: previous.k, candidate: 0, streak: 0 };
  const streak = best === previous.candidate ? previous.streak + 1 : 1;
  if (streak >= SWITCH_AFTER_RUNS) return { k: best, candidate: 0, streak: 0 };
  return { k: previous.k, candidate: best, streak };
}
