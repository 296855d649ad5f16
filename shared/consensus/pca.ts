import { Random } from '../sim/random.js';
import { MISSING, type VoteMatrix } from './matrix.js';

/** Power iteration stops when the direction moves less than this (L2; ample for a map), or after MAX_ITERATIONS. */
const TOLERANCE = 1e-7;
const MAX_ITERATIONS = 200;
/** Below this the remaining variance is nil: the component is left at zero. */
const NEGLIGIBLE = 1e-12;

export interface Pca {
  /** Mean vote per statement over the rows analysed (0 for a statement none of them voted on). */
  means: Float64Array;
  /** Two unit directions in statement space (a direction is all zeros when there is no variance left). */
  components: [Float64Array, Float64Array];
}

/** The mean of the votes cast on each column by the given rows (missing votes are not counted). */
export function columnMeans(m: VoteMatrix, rows: readonly number[]): Float64Array {
  const sums = new Float64Array(m.cols);
  const seen = new Int32Array(m.cols);
  for (const r of rows) {
    const base = r * m.cols;
    for (let c = 0; c < m.cols; c++) {
      const v = m.cells[base + c]!;
      if (v === MISSING) continue;
      sums[c]! += v;
      seen[c]! += 1;
    }
  }
  for (let c = 0; c < m.cols; c++) sums[c] = seen[c]! > 0 ? sums[c]! / seen[c]! : 0;
  return sums;
}

/**
 * The centred matrix of the given rows, kept sparse (compressed rows): a missing vote is filled
 * with its column's mean, which centres to exactly 0 and so is not stored; a cast vote becomes
 * vote - mean. Products over it equal the dense ones bit for bit (adding 0 changes no sum), at
 * the cost of the votes cast rather than of every cell.
 */
export interface CentredRows {
  rows: number;
  cols: number;
  /** Where each row's entries start in `column` and `value` (rows + 1 entries). */
  start: Int32Array;
  column: Int32Array;
  value: Float64Array;
}

export function centred(m: VoteMatrix, rows: readonly number[], means: Float64Array): CentredRows {
  let cast = 0;
  for (const r of rows) cast += m.counts[r]!;
  const a: CentredRows = { rows: rows.length, cols: m.cols, start: new Int32Array(rows.length + 1), column: new Int32Array(cast), value: new Float64Array(cast) };
  let at = 0;
  rows.forEach((r, i) => {
    a.start[i] = at;
    const base = r * m.cols;
    for (let c = 0; c < m.cols; c++) {
      const v = m.cells[base + c]!;
      if (v === MISSING) continue;
      a.column[at] = c;
      a.value[at] = v - means[c]!;
      at++;
    }
  });
  a.start[rows.length] = at;
  return a;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function removeAlong(v: Float64Array, directions: readonly Float64Array[]): void {
  for (const d of directions) {
    const along = dot(v, d);
    for (let i = 0; i < v.length; i++) v[i]! -= along * d[i]!;
  }
}

/** Flips a direction so its largest entry (the first, on a tie) is positive: a run's sign never depends on the start. */
function orient(v: Float64Array): void {
  let at = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[at]!)) at = i;
  if (v[at]! < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i]!;
}

/**
 * The leading eigenvector of AᵀA orthogonal to `previous`, by power iteration from a seeded
 * start: v <- Aᵀ(A v), normalised, until it stops moving.
 */
export function powerIteration(a: CentredRows, previous: readonly Float64Array[], seed: number): Float64Array {
  const { rows: n, cols, start: rowStart, column, value } = a;
  const random = new Random(seed);
  let v = new Float64Array(cols);
  for (let c = 0; c < cols; c++) v[c] = random.normal();
  removeAlong(v, previous);
  const start = Math.sqrt(dot(v, v));
  if (start < NEGLIGIBLE) return new Float64Array(cols);
  for (let c = 0; c < cols; c++) v[c]! /= start;
  const av = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) s += value[k]! * v[column[k]!]!;
      av[i] = s;
    }
    const w = new Float64Array(cols);
    for (let i = 0; i < n; i++) {
      const s = av[i]!;
      if (s === 0) continue;
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) w[column[k]!]! += value[k]! * s;
    }
    removeAlong(w, previous);
    const norm = Math.sqrt(dot(w, w));
    if (norm < NEGLIGIBLE) return new Float64Array(cols);
    let moved = 0;
    for (let c = 0; c < cols; c++) {
      w[c]! /= norm;
      moved += (w[c]! - v[c]!) ** 2;
    }
    v = w;
    if (Math.sqrt(moved) < TOLERANCE) break;
  }
  orient(v);
  return v;
}

/** PCA to two components of the given rows, missing votes filled with the column mean. */
export function pca2(m: VoteMatrix, rows: readonly number[], seed: number): Pca {
  const means = columnMeans(m, rows);
  const a = centred(m, rows, means);
  const first = powerIteration(a, [], seed);
  const second = powerIteration(a, [first], seed + 1);
  return { means, components: [first, second] };
}

/**
 * Where a participant sits on the map: their centred votes (only those cast) projected on each
 * component, scaled by sqrt(statements / max(votes cast, 1)) so someone who voted on few
 * statements is not pulled into the middle.
 */
export function project(m: VoteMatrix, row: number, pca: Pca): [number, number] {
  const base = row * m.cols;
  let x = 0;
  let y = 0;
  let cast = 0;
  const [first, second] = pca.components;
  for (let c = 0; c < m.cols; c++) {
    const v = m.cells[base + c]!;
    if (v === MISSING) continue;
    const d = v - pca.means[c]!;
    x += d * first[c]!;
    y += d * second[c]!;
    cast += 1;
  }
  const scale = Math.sqrt(m.cols / Math.max(cast, 1));
  return [x * scale, y * scale];
}
