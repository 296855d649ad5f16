import type { Box, SpaceLayout } from '../../shared/spaces/layout.js';

export interface Pool { x: number; y: number; z: number; w: number; d: number; strength: number; color: string; wash?: boolean }
export interface Spot { x: number; y: number; z: number; tx: number; ty: number; tz: number; intensity: number; angle: number }

/**
 * Where the light falls, read from the layout document (the same one collision reads): the stage
 * of a town hall, the plinths and display walls of an exhibition hall. Boxes inside the room's
 * walls that are lower than them are display walls; furniture in a hall is a stand.
 */
export function lightsFor(layout: SpaceLayout): { pools: Pool[]; spots: Spot[]; ceiling: number } {
  const pools: Pool[] = [];
  const spots: Spot[] = [];
  const walls = layout.boxes.filter((b) => b.kind === 'wall');
  const ceiling = layout.setting === 'indoor' ? Math.max(0, ...walls.map((b) => b.h)) : 0;
  if (layout.kind === 'townhall') {
    for (const s of layout.boxes.filter((b) => b.kind === 'stage')) {
      pools.push({ x: s.x, y: s.h + 0.01, z: s.z, w: s.w * 0.9, d: s.d * 1.5, strength: 0.5, color: '#ffd9a0' });
      spots.push({ x: s.x, y: ceiling - 0.3, z: s.z + s.d * 1.4, tx: s.x, ty: s.h, tz: s.z, intensity: 160, angle: 0.6 });
    }
  }
  if (layout.kind === 'hall') {
    const isStand = (b: Box) => b.kind === 'furniture';
    const isDisplay = (b: Box) => b.kind === 'wall' && b.h < ceiling - 0.5;
    for (const b of layout.boxes.filter(isStand)) {
      pools.push({ x: b.x, y: 0.012, z: b.z, w: 3.2, d: 3.2, strength: 0.55, color: '#fff1d6' });
      spots.push({ x: b.x + 1.2, y: ceiling - 0.2, z: b.z + 1.2, tx: b.x, ty: b.h, tz: b.z, intensity: 60, angle: 0.42 });
    }
    for (const b of layout.boxes.filter(isDisplay)) {
      // A wash of light on the floor along both faces of a display wall.
      const alongX = b.w >= b.d;
      for (const side of [-1, 1]) {
        const off = (alongX ? b.d : b.w) / 2 + 0.9;
        pools.push({
          x: b.x + (alongX ? 0 : side * off), y: 0.011, z: b.z + (alongX ? side * off : 0),
          w: alongX ? b.w : 2.2, d: alongX ? 2.2 : b.d, strength: 0.35, color: '#fff6e6', wash: true,
        });
      }
    }
  }
  return { pools, spots, ceiling };
}

/** Pools lower than this lie on the floor (the low tier bakes them into it: client/scene/floorBake.ts). */
export const ON_FLOOR = 0.05;

export function floorPools(layout: SpaceLayout): Pool[] {
  return lightsFor(layout).pools.filter((p) => p.y < ON_FLOOR);
}
