import type { BufferAttribute } from 'three';
import { Color, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { getSpace } from '../../shared/spaces/catalog.js';
import { AO_FOOT, bakedBoxes } from './bakedBoxes.js';
import { floorMapping, floorTexels, occluders } from './floorBake.js';
import { irradiance, lightRig, prepareRig } from './lightRig.js';

const plaza = getSpace('plaza')!;
const townhall = getSpace('townhall')!;
const hall = getSpace('hall-1')!;

describe('the light rig both tiers share', () => {
  it('sums as three does: an upward face outdoors gets the sky and the sun, a downward one only the ground (and the even fill)', () => {
    const rig = prepareRig(lightRig(plaza));
    const up = irradiance(rig, [0, 0, 0], [0, 1, 0], new Color());
    const down = irradiance(rig, [0, 0, 0], [0, -1, 0], new Color());
    expect(up.g).toBeGreaterThan(2);
    const ground = new Color('#8a7f6e').multiplyScalar(1.2);
    expect(down.r).toBeCloseTo(ground.r + rig.fill, 5);
    expect(down.g).toBeCloseTo(ground.g + rig.fill, 5);
  });

  it('indoors, the floor under a lamp is lit more than a corner', () => {
    const rig = prepareRig(lightRig(townhall));
    const lamp = lightRig(townhall).lamps[0]!.position;
    const under = irradiance(rig, [lamp[0], 0, lamp[2]], [0, 1, 0], new Color());
    const corner = irradiance(rig, [14, 0, 12], [0, 1, 0], new Color());
    expect(under.r).toBeGreaterThan(corner.r * 1.3);
  });
});

describe('the low tier baked boxes', () => {
  it('are one geometry whose triangles name the box they belong to', () => {
    const baked = bakedBoxes(townhall)!;
    const triangles = baked.geometry.index!.count / 3;
    expect(baked.boxOf.length).toBe(triangles);
    // Every box owns some triangles, in layout order.
    const owners = new Set(baked.boxOf);
    expect(owners.size).toBe(townhall.boxes.length);
    expect(baked.boxOf[0]).toBe(0);
    expect(baked.boxOf[triangles - 1]).toBe(townhall.boxes.length - 1);
  });

  it('are darker where a side meets the floor, and the sunny side is brighter than the shaded one', () => {
    const { geometry } = bakedBoxes(plaza)!;
    const pos = geometry.getAttribute('position') as BufferAttribute;
    const normal = geometry.getAttribute('normal') as BufferAttribute;
    const colour = geometry.getAttribute('color') as BufferAttribute;
    // The town hall building's south face (+z, towards the sun) and north face, at the foot and above it.
    const find = (nz: number, low: boolean) => {
      for (let i = 0; i < pos.count; i++) {
        const p = new Vector3().fromBufferAttribute(pos, i);
        if (normal.getZ(i) !== nz || Math.abs(p.x) > 9 || Math.abs(p.z - (-23 + nz * 6)) > 1e-3) continue;
        if (low ? p.y < 1e-3 : p.y > 1) return colour.getY(i);
      }
      throw new Error('no such vertex');
    };
    expect(find(1, true)).toBeCloseTo(find(1, false) * AO_FOOT, 5);
    expect(find(1, false)).toBeGreaterThan(find(-1, false) * 1.3);
  });
});

describe('the floor bake', () => {
  it('maps the space onto its canvas: minX/minZ at the top left, maxX/maxZ at the bottom right', () => {
    const n = floorTexels(plaza);
    expect(n).toBe(512);
    const m = floorMapping(plaza, n);
    expect(m.px(plaza.bounds.minX)).toBe(0);
    expect(m.pz(plaza.bounds.maxZ)).toBe(n);
    expect(floorTexels(hall)).toBe(256);
  });

  it('occludes the foot of every box and circle, trees twice (trunk and crown)', () => {
    const trees = plaza.circles.filter((c) => c.kind === 'tree').length;
    expect(occluders(plaza)).toHaveLength(plaza.boxes.length + plaza.circles.length + trees);
    for (const o of occluders(hall)) expect(o.alpha).toBeGreaterThan(0);
  });
});
