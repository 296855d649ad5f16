/**
 * Fan-out of a moderator's actions to every section's visitors, for the sections load scenario.
 * The moderator notes when it sent each action and every bot notes when it first saw each effect,
 * both on Date.now() (one machine, one clock), so bots in several processes compare with one
 * sender. Each bot process tallies its own bots; the tallies merge exactly (counts per whole
 * millisecond), so the quantiles over all bots are exact, not averages of quantiles.
 */

export const ACTION_KINDS = ['answer', 'approve', 'floorCall', 'floorEnd'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** One moderator action: its kind, what its effect names (question id, floor holder's session id), when it was sent. */
export interface ModeratorAction {
  kind: ActionKind;
  key: string;
  sentAt: number;
}

/** What a visitor sees of an action: `answer:<question>` answering, `approve:<question>` public, `floorCall:<holder>` / `floorEnd:<holder>`. */
export function effectKey(kind: ActionKind, key: string): string {
  return `${kind}:${key}`;
}

/** Latencies in whole milliseconds, counted per millisecond (a plain object, to travel over IPC). */
export type LatencyCounts = Record<string, number>;

/** Adds one latency (rounded to the millisecond; never below 0). */
export function addLatency(counts: LatencyCounts, ms: number): void {
  const key = String(Math.max(0, Math.round(ms)));
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Adds every count of `from` into `into`. */
export function mergeCounts(into: LatencyCounts, from: Readonly<LatencyCounts>): void {
  for (const [ms, n] of Object.entries(from)) into[ms] = (into[ms] ?? 0) + n;
}

/** Sorted [ms, count] pairs. */
function sorted(counts: Readonly<LatencyCounts>): [number, number][] {
  return Object.entries(counts).map(([ms, n]): [number, number] => [Number(ms), n]).sort((a, b) => a[0] - b[0]);
}

export function countOf(counts: Readonly<LatencyCounts>): number {
  return Object.values(counts).reduce((s, n) => s + n, 0);
}

/** The nearest-rank quantile (the smallest value with at least q of the samples at or below it); NaN without samples. */
export function quantileOfCounts(counts: Readonly<LatencyCounts>, q: number): number {
  const pairs = sorted(counts);
  const total = pairs.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [ms, n] of pairs) {
    seen += n;
    if (seen >= rank) return ms;
  }
  return pairs.at(-1)![0];
}

export function maxOfCounts(counts: Readonly<LatencyCounts>): number {
  const pairs = sorted(counts);
  return pairs.length === 0 ? Number.NaN : pairs.at(-1)![0];
}

/** Latencies and misses of one group (a kind of action, or a section). */
export interface FanoutGroup {
  counts: LatencyCounts;
  /** A visitor connected when the action was sent that never saw its effect (or saw it only before the send). */
  missed: number;
}

/** One bot process's tally, merged by the parent. */
export interface FanoutTally {
  byKind: Partial<Record<ActionKind, FanoutGroup>>;
  /** By the visitor's section number. */
  bySection: Record<string, FanoutGroup>;
  /** Per action (same order as the list the parent sent): visitors that saw it, and that should have. */
  seenBy: number[];
  expected: number[];
}

/** One visitor as the tally needs it: its section, when it was connected, what it saw when. */
export interface VisitorReceipts {
  section: number;
  /** Date.now() when it had joined, and when its connection closed unasked (Infinity while open). */
  joinedAt: number;
  goneAt: number;
  seen: ReadonlyMap<string, number>;
}

export function emptyTally(actions: number): FanoutTally {
  return { byKind: {}, bySection: {}, seenBy: new Array<number>(actions).fill(0), expected: new Array<number>(actions).fill(0) };
}

function group(groups: Record<string, FanoutGroup>, key: string): FanoutGroup {
  return (groups[key] ??= { counts: {}, missed: 0 });
}

/** Tallies, for every action, each visitor that was connected when it was sent: how long until it saw the effect. */
export function tallyFanout(actions: readonly ModeratorAction[], visitors: readonly VisitorReceipts[]): FanoutTally {
  const tally = emptyTally(actions.length);
  const byKind = tally.byKind as Record<string, FanoutGroup>;
  actions.forEach((a, i) => {
    const key = effectKey(a.kind, a.key);
    for (const v of visitors) {
      if (v.joinedAt > a.sentAt || v.goneAt <= a.sentAt) continue;
      tally.expected[i]!++;
      const at = v.seen.get(key);
      const kind = group(byKind, a.kind);
      const section = group(tally.bySection, String(v.section));
      if (at === undefined || at < a.sentAt) {
        kind.missed++;
        section.missed++;
        continue;
      }
      tally.seenBy[i]!++;
      addLatency(kind.counts, at - a.sentAt);
      addLatency(section.counts, at - a.sentAt);
    }
  });
  return tally;
}

/** Adds one process's tally into another (same action list). */
export function mergeTally(into: FanoutTally, from: FanoutTally): void {
  const merge = (a: Record<string, FanoutGroup>, b: Record<string, FanoutGroup>) => {
    for (const [k, g] of Object.entries(b)) {
      const target = group(a, k);
      mergeCounts(target.counts, g.counts);
      target.missed += g.missed;
    }
  };
  merge(into.byKind, from.byKind);
  merge(into.bySection, from.bySection);
  from.seenBy.forEach((n, i) => { into.seenBy[i] = (into.seenBy[i] ?? 0) + n; });
  from.expected.forEach((n, i) => { into.expected[i] = (into.expected[i] ?? 0) + n; });
}

/** A group's figures as printed. */
export function summarize(g: FanoutGroup | undefined): { samples: number; missed: number; p50Ms: number; p99Ms: number; maxMs: number } {
  const counts = g?.counts ?? {};
  return {
    samples: countOf(counts), missed: g?.missed ?? 0,
    p50Ms: quantileOfCounts(counts, 0.5), p99Ms: quantileOfCounts(counts, 0.99), maxMs: maxOfCounts(counts),
  };
}

/** Every group's counts together (all kinds). */
export function allCounts(tally: FanoutTally): FanoutGroup {
  const all: FanoutGroup = { counts: {}, missed: 0 };
  for (const g of Object.values(tally.byKind)) {
    mergeCounts(all.counts, g.counts);
    all.missed += g.missed;
  }
  return all;
}
