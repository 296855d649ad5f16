import { describe, expect, it } from 'vitest';
import { SpaceLayout } from './layout.js';
import { TELEPORT_MAX_DISTANCE, teleportVerdict } from './teleport.js';

const room = SpaceLayout.parse({
  id: 'test', name: 'Test', kind: 'hall', setting: 'indoor',
  bounds: { minX: -12, maxX: 12, minZ: -12, maxZ: 12 }, floorColor: '#888888',
  boxes: [
    { x: 0, z: -5, w: 10, d: 0.4, h: 3, kind: 'wall' },
    { x: 6, z: 6, w: 2, d: 0.6, h: 0.5, kind: 'furniture' },
    { x: -6, z: 6, w: 4, d: 3, h: 0.6, kind: 'stage' },
  ],
  circles: [{ x: 5, z: 0, r: 1, h: 2, kind: 'pillar' }],
  spawns: [{ id: 'default', x: 0, z: 0, yaw: 0 }],
  portals: [],
});

describe('teleportVerdict', () => {
  it('allows a free spot in sight and in range', () => {
    expect(teleportVerdict(room, { x: 0, z: 0 }, { x: -4, z: 3 })).toEqual({ ok: true });
  });
  it('refuses a spot further than the limit', () => {
    expect(teleportVerdict(room, { x: -11, z: 10 }, { x: -11 + TELEPORT_MAX_DISTANCE + 0.5, z: 10 })).toEqual({ ok: false, reason: 'too-far' });
  });
  it('refuses a spot inside an obstacle, a wall or outside the bounds', () => {
    expect(teleportVerdict(room, { x: 0, z: 0 }, { x: 5, z: 0.2 })).toEqual({ ok: false, reason: 'blocked' });
    expect(teleportVerdict(room, { x: 0, z: -3 }, { x: 0, z: -5 })).toEqual({ ok: false, reason: 'blocked' });
    expect(teleportVerdict(room, { x: 10, z: 10 }, { x: 11.9, z: 10 })).toEqual({ ok: false, reason: 'blocked' });
  });
  it('refuses a spot behind a wall, but not one behind a bench', () => {
    expect(teleportVerdict(room, { x: 0, z: -3 }, { x: 0, z: -8 })).toEqual({ ok: false, reason: 'no-sight' });
    expect(teleportVerdict(room, { x: 6, z: 4 }, { x: 6, z: 8 })).toEqual({ ok: true });
  });
  it('keeps visitors off the stage and lets those who may take it go there', () => {
    expect(teleportVerdict(room, { x: -2, z: 6 }, { x: -6, z: 6 })).toEqual({ ok: false, reason: 'stage' });
    expect(teleportVerdict(room, { x: -2, z: 6 }, { x: -6, z: 6 }, true)).toEqual({ ok: true });
  });
});
