import { describe, expect, it } from 'vitest';
import { Random } from '../sim/random.js';
import { kmeans, seedCentres, type WeightedPoints } from './kmeans.js';
import { buildMatrix, MISSING } from './matrix.js';
import { selectParticipants, votesNeeded } from './participants.js';
import { columnMeans, pca2, project } from './pca.js';
import { silhouette } from './silhouette.js';
import { voteTable, voteTableFromRows } from './votes.js';

const points = (xs: number[], ys: number[], weights?: number[]): WeightedPoints => ({
  xs: Float64Array.from(xs), ys: Float64Array.from(ys), weights: Float64Array.from(weights ?? xs.map(() => 1)),
});

describe('the vote matrix', () => {
  it('has a row per participant with a vote on an analysed statement, and counts their votes', () => {
    const votes = voteTable([
      { participant: 9, statement: 2, vote: 1 },
      { participant: 4, statement: 2, vote: -1 },
      { participant: 4, statement: 5, vote: 0 },
      { participant: 7, statement: 3, vote: 1 }, // statement 3 is not analysed (pending)
      { participant: 9, statement: 2, vote: -1 }, // changed: the last vote counts once
    ]);
    const m = buildMatrix(votes, [5, 2]);
    expect(m.participants).toEqual([4, 9]);
    expect([...m.cells]).toEqual([0, -1, MISSING, -1]);
    expect([...m.counts]).toEqual([2, 1]);
  });
});

describe('who is clustered', () => {
  it('needs min(7, statements) votes', () => {
    expect(votesNeeded(3)).toBe(3);
    expect(votesNeeded(200)).toBe(7);
  });

  it('takes everyone with enough votes when 15 or more qualify', () => {
    const counts = Int32Array.from([...Array(15).fill(7), 6, 1]);
    const ids = [...counts.keys()];
    expect(selectParticipants(counts, ids, 10)).toEqual(ids.slice(0, 15));
  });

  it('tops up with the most active (then the lower id) to 15', () => {
    // Rows 0-9 qualify (7 votes); rows 10-19 have 3, 5, 5, 1, 6, 2, 4, 4, 4, 1.
    const counts = Int32Array.from([...Array(10).fill(7), 3, 5, 5, 1, 6, 2, 4, 4, 4, 1]);
    const ids = [...counts.keys()];
    // Five more: 14 (6), 11 and 12 (5), 16 and 17 (4; 18 also has 4 but a higher id).
    expect(selectParticipants(counts, ids, 50)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 16, 17]);
  });
});

describe('PCA and the projection', () => {
  it('fills a missing vote with the column mean and finds the direction of the variance', () => {
    // Statement 0: 1, -1, 1 (mean 1/3); statement 1: missing, 1, 1 (mean 1): after centring
    // statement 1 is all zeros, so the first component is statement 0 alone.
    const m = buildMatrix(voteTableFromRows([[1, null], [-1, 1], [1, 1]]), [0, 1]);
    const rows = [0, 1, 2];
    expect([...columnMeans(m, rows)]).toEqual([1 / 3, 1]);
    const pca = pca2(m, rows, 7);
    expect(pca.components[0][0]).toBeCloseTo(1, 9);
    expect(pca.components[0][1]).toBeCloseTo(0, 9);
    expect([...pca.components[1]]).toEqual([0, 0]);
    // Row 0 voted on 1 of 2 statements: (1 - 1/3) * sqrt(2 / 1). Row 1: (-1 - 1/3) * sqrt(2 / 2).
    expect(project(m, 0, pca)[0]).toBeCloseTo((2 / 3) * Math.SQRT2, 9);
    expect(project(m, 1, pca)[0]).toBeCloseTo(-4 / 3, 9);
  });

  it('finds two components for two independent splits', () => {
    // Statements 0 and 1 move together; statement 2 splits the room the other way.
    const m = buildMatrix(voteTableFromRows([
      [1, 1, 1], [1, 1, -1], [-1, -1, 1], [-1, -1, -1],
    ]), [0, 1, 2]);
    const pca = pca2(m, [0, 1, 2, 3], 1);
    const [first, second] = pca.components;
    // Variance 8 along (1, 1, 0)/sqrt 2, 4 along (0, 0, 1).
    expect(first[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(first[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(first[2]).toBeCloseTo(0, 6);
    expect(Math.abs(second[2]!)).toBeCloseTo(1, 6);
    expect(project(m, 0, pca)[0]).toBeCloseTo(2 / Math.SQRT2, 6);
  });

  it('gives the same bits for the same seed, and the same direction for any seed', () => {
    const m = buildMatrix(voteTableFromRows([[1, -1, 0], [1, null, -1], [-1, 1, 1], [0, 1, null]]), [0, 1, 2]);
    const a = pca2(m, [0, 1, 2, 3], 5);
    expect(pca2(m, [0, 1, 2, 3], 5)).toEqual(a);
    const b = pca2(m, [0, 1, 2, 3], 99);
    a.components[0].forEach((v, i) => expect(b.components[0][i]).toBeCloseTo(v, 6));
  });
});

describe('k-means', () => {
  it('splits two obvious clusters', () => {
    const p = points([0, 0, 10, 10], [0, 1, 0, 1]);
    const run = kmeans(p, 2, 3);
    const centres = [[run.centres[0], run.centres[1]], [run.centres[2], run.centres[3]]].sort((a, b) => a[0]! - b[0]!);
    expect(centres).toEqual([[0, 0.5], [10, 0.5]]);
    expect(run.inertia).toBeCloseTo(4 * 0.25, 12);
    expect(run.assignment[0]).toBe(run.assignment[1]);
    expect(run.assignment[0]).not.toBe(run.assignment[2]);
  });

  it('weights pull a centre', () => {
    const run = kmeans(points([0, 4], [0, 0], [3, 1]), 1, 1);
    expect([...run.centres]).toEqual([1, 0]);
  });

  it('stops seeding when every point already sits on a centre', () => {
    expect(seedCentres(points([1, 1, 2], [0, 0, 0]), 3, new Random(1))).toHaveLength(4);
  });
});

describe('the silhouette', () => {
  it('matches the textbook value on four points', () => {
    // 0 and 1 against 4 and 5: s = 3.5/4.5, 2.5/3.5, 2.5/3.5, 3.5/4.5.
    const s = silhouette(points([0, 1, 4, 5], [0, 0, 0, 0]), Int32Array.from([0, 0, 1, 1]), 2);
    expect(s).toBeCloseTo((2 * (3.5 / 4.5) + 2 * (2.5 / 3.5)) / 4, 12);
  });

  it('treats a weight as that many people at the same place', () => {
    const weighted = silhouette(points([0, 1, 4, 5], [0, 0, 0, 0], [2, 1, 1, 1]), Int32Array.from([0, 0, 1, 1]), 2);
    const expanded = silhouette(points([0, 0, 1, 4, 5], [0, 0, 0, 0, 0]), Int32Array.from([0, 0, 0, 1, 1]), 2);
    expect(weighted).toBeCloseTo(expanded, 12);
    // By hand: (2 * 4/4.5 + 2.5/3.5 + (8/3)/(11/3) + (11/3)/(14/3)) / 5.
    expect(weighted).toBeCloseTo((2 * (4 / 4.5) + 2.5 / 3.5 + 8 / 11 + 11 / 14) / 5, 12);
  });

  it('scores a one-person group 0 for that person', () => {
    // 0 alone; 4 and 5 together: s(0) = 0, s(4) = (4 - 1) / 4, s(5) = (5 - 1) / 5.
    expect(silhouette(points([0, 4, 5], [0, 0, 0]), Int32Array.from([0, 1, 1]), 2)).toBeCloseTo((0 + 3 / 4 + 4 / 5) / 3, 12);
  });
});
