import { Random } from './random.js';
import { RingRoad } from './ringRoad.js';

const SEED = 20031702;
const memo = new Map<string, [number, number][]>();

/**
 * Flow against density on a ring of `cells` (the chart every traffic model is judged by),
 * measured after a warm-up at 20 densities. It depends on the road only, not on the levers
 * or the run's seed, so it is worked out once per road and kept.
 */
export function fundamentalDiagram(cells: number, vmax: number, slowdown: number): [number, number][] {
  const key = `${cells}/${vmax}/${slowdown}`;
  const known = memo.get(key);
  if (known) return known.map(([x, y]) => [x, y]);
  const road = new RingRoad(cells, vmax, slowdown);
  const random = new Random(SEED);
  const points: [number, number][] = [[0, 0]];
  for (let k = 1; k <= 20; k++) {
    const density = k / 20;
    road.place(Math.round(density * cells), random);
    for (let t = 0; t < 300; t++) road.step(random);
    road.resetCounters();
    for (let t = 0; t < 600; t++) road.step(random);
    points.push([road.count / cells, road.flow()]);
  }
  memo.set(key, points);
  return points.map(([x, y]) => [x, y]);
}
