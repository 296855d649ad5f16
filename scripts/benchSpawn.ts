/**
 * `npx tsx scripts/benchSpawn.ts`: what choosing an arrival's place costs (server/domain/spawn.ts
 * runs once per join). For a town hall already holding N people, per seed: N - 40 of them
 * scattered over the hall (seeded), the last 40 arrived and still standing by the door (the
 * worst case: the nearest rings are taken); then 200 more arrive one after another. Prints the
 * mean and worst time per arrival over seeds 1-5, and the closest two arrivals came to anyone.
 */
import { performance } from 'node:perf_hooks';
import { getSpace } from '../shared/spaces/catalog.js';
import type { Point } from '../shared/spaces/collision.js';
import { Random } from '../shared/sim/random.js';
import { chooseSpawn } from '../server/domain/spawn.js';

const layout = getSpace('townhall')!;
const ARRIVALS = 200;
const rows: string[] = [];
for (const present of [0, 100, 500, 1000]) {
  for (let seed = 1; seed <= 5; seed++) {
    const random = new Random(seed);
    const here: Point[] = [];
    const b = layout.bounds;
    for (let i = 0; i < Math.max(0, present - 40); i++) here.push({ x: b.minX + random.next() * (b.maxX - b.minX), z: b.minZ + random.next() * (b.maxZ - b.minZ) });
    for (let i = 0; here.length < present; i++) here.push(chooseSpawn(layout, undefined, i, here));
    let worst = 0;
    let closest = Infinity;
    const t0 = performance.now();
    for (let i = 0; i < ARRIVALS; i++) {
      const s = performance.now();
      const spot = chooseSpawn(layout, undefined, present + i, here);
      worst = Math.max(worst, performance.now() - s);
      for (const o of here) closest = Math.min(closest, Math.hypot(o.x - spot.x, o.z - spot.z));
      here.push(spot);
    }
    const mean = (performance.now() - t0) / ARRIVALS;
    rows.push(`present ${String(present).padStart(4)}  seed ${seed}  mean ${mean.toFixed(3)} ms  worst ${worst.toFixed(3)} ms  closest ${closest.toFixed(2)} m`);
  }
}
console.log(`chooseSpawn, town hall, ${ARRIVALS} arrivals per run (Node ${process.version}):`);
for (const row of rows) console.log(row);
