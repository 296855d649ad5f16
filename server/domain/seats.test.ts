import { describe, expect, it } from 'vitest';
import { AVATAR_RADIUS } from '../../shared/constants.js';
import { SPACES } from '../../shared/spaces/catalog.js';
import { isFree } from '../../shared/spaces/collision.js';
import { standSpot } from './seats.js';

describe('standing up', () => {
  it('puts someone from any seat of the town hall on a free spot in their row, facing the same way', () => {
    const layout = SPACES.get('townhall')!;
    expect(layout.seats.length).toBeGreaterThan(0);
    for (const [i, seat] of layout.seats.entries()) {
      const spot = standSpot(layout, seat);
      expect(isFree(spot, AVATAR_RADIUS, layout), `seat ${i}`).toBe(true);
      expect(spot.z, `seat ${i}`).toBe(seat.z);
      expect(spot.yaw).toBe(seat.yaw);
    }
  });

  it('falls back to the first spawn when the row has no free spot', () => {
    const layout = SPACES.get('townhall')!;
    const walled = { ...layout, boxes: [...layout.boxes, { x: 0, z: 0, w: 100, d: 2, h: 1, kind: 'wall' as const, solid: true }] };
    const spawn = layout.spawns[0]!;
    expect(standSpot(walled, { x: 2, z: 0, yaw: 0, y: 0 })).toEqual({ x: spawn.x, z: spawn.z, yaw: spawn.yaw });
  });
});
