import { streamSeed } from '../sim/random.js';
import { chooseGroupCount, groupCounts, type GroupCountState } from './groupChoice.js';
import { kmeans, type WeightedPoints } from './kmeans.js';
import { silhouette } from './silhouette.js';

export const MAX_BASE_CLUSTERS = 100;
/** Seeded starts tried for each number of groups (the least inertia wins). */
const GROUP_RESTARTS = 4;

export interface BaseClusters {
  /** Centres and weights (member counts) of the non-empty base clusters. */
  points: WeightedPoints;
  /** The members of each base cluster (indices into the points clustered). */
  members: number[][];
}

/** k-means of the participants' places into up to 100 base clusters (empty ones dropped). */
export function baseClusters(xs: Float64Array, ys: Float64Array, seed: number): BaseClusters {
  const n = xs.length;
  const k = Math.min(MAX_BASE_CLUSTERS, n);
  const run = kmeans({ xs, ys, weights: new Float64Array(n).fill(1) }, k, streamSeed(seed, 0));
  const byCentre = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const j = run.assignment[i]!;
    const list = byCentre.get(j) ?? [];
    list.push(i);
    byCentre.set(j, list);
  }
  const kept = [...byCentre.keys()].sort((a, b) => a - b);
  const points: WeightedPoints = {
    xs: Float64Array.from(kept, (j) => run.centres[2 * j]!),
    ys: Float64Array.from(kept, (j) => run.centres[2 * j + 1]!),
    weights: Float64Array.from(kept, (j) => byCentre.get(j)!.length),
  };
  return { points, members: kept.map((j) => byCentre.get(j)!) };
}

export interface GroupChoice {
  /** The group of each base cluster. */
  assignment: Int32Array;
  k: number;
  state: GroupCountState;
  /** Silhouette of each k tried. */
  scores: { k: number; score: number }[];
}

/**
 * Groups: weighted k-means over the base centres for every k in groupCounts, each scored by
 * silhouette; the k shown follows chooseGroupCount (hysteresis over runs). A k whose clustering
 * leaves a group empty is not a candidate.
 */
export function chooseGroups(bases: WeightedPoints, seed: number, previous: GroupCountState | undefined): GroupChoice {
  const n = bases.xs.length;
  const runs = new Map<number, Int32Array>();
  const scores = new Map<number, number>();
  for (const k of groupCounts(n)) {
    const run = kmeans(bases, k, streamSeed(seed, k), GROUP_RESTARTS);
    const used = new Set(run.assignment);
    if (used.size < k) continue;
    runs.set(k, run.assignment);
    scores.set(k, silhouette(bases, run.assignment, k));
  }
  const state = chooseGroupCount(scores, previous);
  const assignment = runs.get(state.k) ?? new Int32Array(n);
  const k = runs.has(state.k) ? state.k : Math.min(1, n);
  return { assignment, k, state, scores: [...scores].map(([kk, score]) => ({ k: kk, score })) };
}
