import type { WeightedPoints } from './kmeans.js';

/**
 * The silhouette of a clustering of weighted points, where a point of weight w stands for w
 * people at the same place (a base cluster and its members). For each point i in cluster C:
 * a = sum over C of w_j d(i, j) / (W_C - 1) (its own other members sit at distance 0),
 * b = the least, over other clusters C', of sum over C' of w_j d(i, j) / W_C';
 * s = (b - a) / max(a, b), and 0 when C holds one person only or a = b = 0.
 * The score is the weighted mean of s. Fewer than two clusters score 0.
 */
export function silhouette(points: WeightedPoints, assignment: Int32Array, k: number): number {
  const n = points.xs.length;
  if (k < 2 || n === 0) return 0;
  const clusterWeight = new Float64Array(k);
  for (let i = 0; i < n; i++) clusterWeight[assignment[i]!]! += points.weights[i]!;
  let total = 0;
  let weightSum = 0;
  const toCluster = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    toCluster.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = points.xs[i]! - points.xs[j]!;
      const dy = points.ys[i]! - points.ys[j]!;
      // sqrt, not hypot: ECMAScript fixes sqrt's result in every engine, not hypot's.
      const d = Math.sqrt(dx * dx + dy * dy);
      toCluster[assignment[j]!]! += points.weights[j]! * d;
    }
    const own = assignment[i]!;
    const w = points.weights[i]!;
    weightSum += w;
    if (clusterWeight[own]! <= 1) continue;
    const a = toCluster[own]! / (clusterWeight[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || clusterWeight[c]! === 0) continue;
      b = Math.min(b, toCluster[c]! / clusterWeight[c]!);
    }
    if (b === Infinity) continue;
    const spread = Math.max(a, b);
    if (spread > 0) total += w * ((b - a) / spread);
  }
  return weightSum > 0 ? total / weightSum : 0;
}
