import { describe, expect, it } from 'vitest';
import { Random } from './random.js';
import { RingRoad } from './ringRoad.js';

/** Mean flow on a 2,000-cell ring after a warm-up, and the density it actually ran at. */
function measure(vmax: number, p: number, density: number, seed = 1) {
  const road = new RingRoad(2000, vmax, p);
  const random = new Random(seed);
  road.place(Math.round(density * road.cells), random);
  for (let t = 0; t < 1000; t++) road.step(random);
  road.resetCounters();
  for (let t = 0; t < 3000; t++) road.step(random);
  return { flow: road.flow(), density: road.count / road.cells };
}

// Tolerance: over 8 seeds the measured flow on this ring had a standard deviation of at most
// 5e-4 (vmax 1) and came within 1e-3 of the exact value every time; 3e-3 is about 6 standard
// deviations, so a pass is not luck, while a wrong rule (e.g. sequential instead of parallel
// update, or dawdling at speed 0) shifts the flow by 0.01-0.05.
const TOLERANCE = 3e-3;

describe('Nagel-Schreckenberg ring road', () => {
  it.each([
    [0.5, 0.1],
    [0.5, 0.2],
    [0.5, 0.5],
    [0.5, 0.8],
    [0.25, 0.3],
    [0.75, 0.7],
    [0.1, 0.5],
  ])('vmax 1, p %s, density %s: flow is (1 - sqrt(1 - 4(1-p) rho (1-rho))) / 2 (Schadschneider 1999)', (p, rho) => {
    const { flow, density } = measure(1, p, rho);
    const exact = (1 - Math.sqrt(1 - 4 * (1 - p) * density * (1 - density))) / 2;
    expect(Math.abs(flow - exact)).toBeLessThan(TOLERANCE);
  });

  it.each([0.05, 0.1, 1 / 6, 0.2, 0.3, 0.6, 0.9])('vmax 5, p 0, density %s: flow is min(vmax rho, 1 - rho)', (rho) => {
    const { flow, density } = measure(5, 0, rho);
    expect(Math.abs(flow - Math.min(5 * density, 1 - density))).toBeLessThan(TOLERANCE);
  });

  it('vmax 5, p 0: every car runs at full speed up to density 1/6 (free flow, exactly)', () => {
    for (const rho of [0.02, 0.1, 0.16, 1 / 6]) {
      const { flow, density } = measure(5, 0, rho);
      expect(flow).toBeCloseTo(5 * density, 12);
    }
  });

  it('free-flow branch with dawdling: at low density the flow is rho (vmax - p)', () => {
    for (const [vmax, p] of [[5, 0.25], [2, 0.5]] as const) {
      const { flow, density } = measure(vmax, p, 0.02);
      // Cars still meet now and then at 2% density, which lowers the flow slightly.
      expect(flow / (density * (vmax - p))).toBeGreaterThan(0.99);
      expect(flow / (density * (vmax - p))).toBeLessThanOrEqual(1.002);
    }
  });

  it('never loses a car or puts two in one cell, and keeps the cars in ring order', () => {
    const road = new RingRoad(500, 2, 0.5);
    const random = new Random(9);
    road.place(200, random);
    for (let t = 0; t < 500; t++) {
      road.step(random);
      const cells = new Set(road.position.subarray(0, road.count));
      expect(cells.size).toBe(200);
      // Going round from car 0, positions increase except for one wrap at most.
      let wraps = 0;
      for (let i = 1; i < road.count; i++) if (road.position[i]! < road.position[i - 1]!) wraps++;
      expect(wraps).toBeLessThanOrEqual(1);
    }
  });

  it('a lone car has the whole ring ahead of it', () => {
    const road = new RingRoad(10, 5, 0);
    const random = new Random(1);
    road.place(1, random);
    for (let t = 0; t < 10; t++) road.step(random);
    expect(road.speed[0]).toBe(5);
  });
});
