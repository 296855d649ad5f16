import { describe, expect, it } from 'vitest';
import { AVATAR_RADIUS } from '../../shared/constants.js';
import { getSpace } from '../../shared/spaces/catalog.js';
import { isFree, portalAt, stageAt, type Point } from '../../shared/spaces/collision.js';
import { ARRIVAL_SPACING, chooseSpawn } from './spawn.js';

/** `n` people arriving one after another, none of them moving away. */
function arrive(spaceId: string, n: number, requested?: string): Point[] {
  const layout = getSpace(spaceId)!;
  const here: Point[] = [];
  for (let i = 0; i < n; i++) here.push(chooseSpawn(layout, requested, i, here));
  return here;
}

function closestPair(points: readonly Point[]): number {
  let best = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) best = Math.min(best, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.z - points[j]!.z));
  }
  return best;
}

describe('chooseSpawn', () => {
  it.each([
    ['townhall', undefined],
    ['plaza', undefined],
    ['plaza', 'from-townhall'],
    ['hall-1', undefined],
  ])('spreads 40 arrivals in %s (spawn %s) over the spawn area: nobody stacks, everyone stands free', (spaceId, requested) => {
    const layout = getSpace(spaceId)!;
    const spots = arrive(spaceId, 40, requested);
    expect(closestPair(spots)).toBeGreaterThanOrEqual(ARRIVAL_SPACING - 1e-6);
    for (const p of spots) {
      expect(isFree(p, AVATAR_RADIUS, layout)).toBe(true);
      expect(stageAt(layout, p.x, p.z)).toBeUndefined();
      expect(portalAt(layout, p.x, p.z)).toBeUndefined();
    }
  });

  it('puts the first arrival on the spawn point itself, facing the way it faces', () => {
    const layout = getSpace('townhall')!;
    const spawn = layout.spawns[0]!;
    expect(chooseSpawn(layout, 'default', 0, [])).toEqual({ x: spawn.x, z: spawn.z, yaw: spawn.yaw });
  });

  it('fills a gap left by someone who walked away before going further out', () => {
    const layout = getSpace('townhall')!;
    const spawn = layout.spawns[0]!;
    const crowd = arrive('townhall', 12, 'default');
    const gone = crowd.filter((p) => !(p.x === spawn.x && p.z === spawn.z));
    expect(gone.length).toBe(11);
    expect(chooseSpawn(layout, 'default', 12, gone)).toMatchObject({ x: spawn.x, z: spawn.z });
  });

  it('when the whole area is taken, picks the free place furthest from anyone', () => {
    const layout = getSpace('townhall')!;
    // Everyone stands on a tight grid over the whole hall floor.
    const packed: Point[] = [];
    for (let x = -14; x <= 14; x += 0.5) for (let z = -12; z <= 12; z += 0.5) packed.push({ x, z });
    const spot = chooseSpawn(layout, undefined, 3, packed);
    expect(isFree(spot, AVATAR_RADIUS, layout)).toBe(true);
  });

  it('chooses the same place whether or not a crowd stands far from the spawn area (only those near are checked)', () => {
    const layout = getSpace('plaza')!;
    const near = arrive('plaza', 30);
    const far: Point[] = [];
    for (let i = 0; i < 1000; i++) far.push({ x: 500 + (i % 40), z: 500 + Math.floor(i / 40) });
    for (let n = 30; n < 36; n++) {
      expect(chooseSpawn(layout, undefined, n, [...near, ...far])).toEqual(chooseSpawn(layout, undefined, n, near));
    }
  });
});
