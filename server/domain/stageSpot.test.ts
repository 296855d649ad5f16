import { describe, expect, it } from 'vitest';
import { AVATAR_RADIUS } from '../../shared/constants.js';
import { getSpace } from '../../shared/spaces/catalog.js';
import { isFree, stageAt, type Point } from '../../shared/spaces/collision.js';
import { SpaceLayout } from '../../shared/spaces/layout.js';
import { STAGE_SPACING, stageSpot } from './stageSpot.js';

const townhall = getSpace('townhall')!;
const floorOf = (layout: SpaceLayout) => ({ ...layout, boxes: layout.boxes.filter((b) => b.kind !== 'stage') });
/** Forward for a yaw, as shared/spaces/movement.ts walks. */
const forward = (yaw: number) => ({ x: -Math.sin(yaw), z: -Math.cos(yaw) });

describe('stageSpot', () => {
  it('puts the first person behind the lectern, on the stage, facing the audience (the floor mic and the seats)', () => {
    const spot = stageSpot(townhall, [])!;
    const lectern = townhall.boxes.find((b) => b.kind === 'furniture' && stageAt(townhall, b.x, b.z))!;
    expect(spot.x).toBeCloseTo(lectern.x);
    expect(spot.z).toBeLessThan(lectern.z - lectern.d / 2); // behind it, seen from the hall
    expect(stageAt(townhall, spot.x, spot.z)).toBeDefined();
    expect(isFree(spot, AVATAR_RADIUS, floorOf(townhall))).toBe(true);
    const mic = townhall.stage!.floorMic;
    const f = forward(spot.yaw);
    const toMic = { x: mic.x - spot.x, z: mic.z - spot.z };
    const cos = (f.x * toMic.x + f.z * toMic.z) / Math.hypot(toMic.x, toMic.z);
    expect(cos).toBeGreaterThan(0.99);
  });

  it('spreads a panel along the stage, apart from each other, until the stage is full', () => {
    const here: Point[] = [];
    for (;;) {
      const spot = stageSpot(townhall, here);
      if (!spot) break;
      expect(stageAt(townhall, spot.x, spot.z)).toBeDefined();
      expect(isFree(spot, AVATAR_RADIUS, floorOf(townhall))).toBe(true);
      for (const o of here) expect(Math.hypot(o.x - spot.x, o.z - spot.z)).toBeGreaterThanOrEqual(STAGE_SPACING - 1e-6);
      here.push(spot);
      expect(here.length).toBeLessThan(40);
    }
    // A 16 m stage holds a panel of a dozen.
    expect(here.length).toBeGreaterThanOrEqual(10);
    // Nearest the lectern first: the second stands next to the first.
    expect(Math.abs(here[1]!.x - here[0]!.x)).toBeCloseTo(STAGE_SPACING);
  });

  it('has no spot where there is no stage', () => {
    expect(stageSpot(getSpace('plaza')!, [])).toBeUndefined();
  });

  it('faces the audience whichever way the stage is turned', () => {
    // The town hall turned a quarter: the stage on the west wall, the audience to the east.
    const turned = SpaceLayout.parse({
      ...townhall,
      boxes: townhall.boxes.map((b) => ({ ...b, x: b.z, z: -b.x, w: b.d, d: b.w })),
      stage: { ...townhall.stage!, floorMic: { x: -5.6, z: 0, yaw: 0 } },
      seats: [],
      bounds: { minX: -13, maxX: 13, minZ: -15, maxZ: 15 },
    });
    const spot = stageSpot(turned, [])!;
    expect(spot).toBeDefined();
    expect(forward(spot.yaw).x).toBeCloseTo(1);
  });
});
