/** Fewest votes that put a participant on the map by right: min(7, statements). */
export const MIN_VOTES = 7;
/** When fewer qualify, the most active are added up to this many. */
export const MIN_CLUSTERED = 15;

export function votesNeeded(statementCount: number): number {
  return Math.min(MIN_VOTES, statementCount);
}

/**
 * The rows that are clustered: every participant with at least min(7, statements) votes; if
 * fewer than 15 qualify, the most active of the rest (more votes first, then the lower id)
 * are added until there are 15. Returned ascending.
 */
export function selectParticipants(counts: Int32Array, ids: readonly number[], statementCount: number): number[] {
  const needed = votesNeeded(statementCount);
  const chosen: number[] = [];
  const rest: number[] = [];
  for (let r = 0; r < counts.length; r++) {
    if (counts[r]! >= needed) chosen.push(r);
    else if (counts[r]! > 0) rest.push(r);
  }
  if (chosen.length < MIN_CLUSTERED) {
    rest.sort((a, b) => counts[b]! - counts[a]! || ids[a]! - ids[b]!);
    chosen.push(...rest.slice(0, MIN_CLUSTERED - chosen.length));
  }
  return chosen.sort((a, b) => a - b);
}
