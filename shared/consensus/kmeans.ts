import { Random } from '../sim/random.js';

/** Points on the map: x and y side by side, each with a weight (how many people it stands for). */
export interface WeightedPoints {
  xs: Float64Array;
  ys: Float64Array;
  weights: Float64Array;
}

export interface Clustering {
  /** k centres, x then y. */
  centres: Float64Array;
  /** The cluster of each point. */
  assignment: Int32Array;
  /** Sum over points of weight x squared distance to its centre. */
  inertia: number;
}

const MAX_ITERATIONS = 100;

function nearest(px: number, py: number, centres: Float64Array, k: number): [number, number] {
  let best = 0;
  let bestD = Infinity;
  for (let j = 0; j < k; j++) {
    const dx = px - centres[2 * j]!;
    const dy = py - centres[2 * j + 1]!;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  }
  return [best, bestD];
}

/** Draws an index with probability proportional to `mass` (total > 0). */
function draw(mass: Float64Array, total: number, random: Random): number {
  let target = random.next() * total;
  for (let i = 0; i < mass.length; i++) {
    target -= mass[i]!;
    if (target < 0 && mass[i]! > 0) return i;
  }
  for (let i = mass.length - 1; i >= 0; i--) if (mass[i]! > 0) return i;
  return 0;
}

/**
 * Seeded k-means++ starts: the first centre drawn by weight, each next one by weight x squared
 * distance to the nearest centre so far. Stops early when every point sits on a centre (fewer
 * distinct points than k), so the result may have fewer than k centres.
 */
export function seedCentres(points: WeightedPoints, k: number, random: Random): Float64Array {
  const n = points.xs.length;
  const chosen: number[] = [];
  const mass = new Float64Array(points.weights);
  let total = mass.reduce((s, w) => s + w, 0);
  const closest = new Float64Array(n).fill(Infinity);
  while (chosen.length < k && total > 0) {
    const pick = draw(mass, total, random);
    chosen.push(pick);
    total = 0;
    for (let i = 0; i < n; i++) {
      const dx = points.xs[i]! - points.xs[pick]!;
      const dy = points.ys[i]! - points.ys[pick]!;
      closest[i] = Math.min(closest[i]!, dx * dx + dy * dy);
      mass[i] = points.weights[i]! * closest[i]!;
      total += mass[i]!;
    }
  }
  const centres = new Float64Array(2 * chosen.length);
  chosen.forEach((p, j) => {
    centres[2 * j] = points.xs[p]!;
    centres[2 * j + 1] = points.ys[p]!;
  });
  return centres;
}

/**
 * Weighted Lloyd iterations from the given centres until no point changes cluster. A centre
 * left with no points keeps its place (callers drop empty clusters). Ties go to the lower index.
 */
export function lloyd(points: WeightedPoints, start: Float64Array): Clustering {
  const n = points.xs.length;
  const k = start.length / 2;
  const centres = new Float64Array(start);
  const assignment = new Int32Array(n).fill(-1);
  let inertia = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = false;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      const [j, d] = nearest(points.xs[i]!, points.ys[i]!, centres, k);
      inertia += points.weights[i]! * d;
      if (assignment[i] !== j) {
        assignment[i] = j;
        changed = true;
      }
    }
    if (!changed) break;
    const sx = new Float64Array(k);
    const sy = new Float64Array(k);
    const sw = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const j = assignment[i]!;
      const w = points.weights[i]!;
      sx[j]! += w * points.xs[i]!;
      sy[j]! += w * points.ys[i]!;
      sw[j]! += w;
    }
    for (let j = 0; j < k; j++) {
      if (sw[j]! === 0) continue;
      centres[2 * j] = sx[j]! / sw[j]!;
      centres[2 * j + 1] = sy[j]! / sw[j]!;
    }
  }
  return { centres, assignment, inertia };
}

/** Weighted k-means, the best (least inertia) of `restarts` seeded starts. */
export function kmeans(points: WeightedPoints, k: number, seed: number, restarts = 1): Clustering {
  const random = new Random(seed);
  let best: Clustering | undefined;
  for (let attempt = 0; attempt < restarts; attempt++) {
    const run = lloyd(points, seedCentres(points, k, random));
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best ?? { centres: new Float64Array(0), assignment: new Int32Array(points.xs.length), inertia: 0 };
}
