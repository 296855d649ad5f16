import { describe, expect, it } from 'vitest';
import { AVATAR_RADIUS, RUN_SPEED, TICK_SECONDS, WALK_SPEED } from '../constants.js';
import type { MoveInput } from '../protocol/messages.js';
import { isFree, rayDistance, resolveCollisions } from './collision.js';
import { SpaceLayout } from './layout.js';
import { forwardOf, stepAvatar, wrapAngle, yawTowards } from './movement.js';
import { SPACES } from './catalog.js';

const open = SpaceLayout.parse({
  id: 'test', name: 'Test', kind: 'hall', setting: 'indoor',
  bounds: { minX: -10, maxX: 10, minZ: -10, maxZ: 10 }, floorColor: '#888888',
  boxes: [{ x: 0, z: -5, w: 10, d: 0.4, h: 3, kind: 'wall' }],
  circles: [{ x: 5, z: 5, r: 1, h: 2, kind: 'pillar' }],
  spawns: [{ id: 'default', x: 0, z: 0, yaw: 0 }],
  portals: [],
});

const input = (over: Partial<MoveInput> = {}): MoveInput => ({ seq: 1, forward: 0, strafe: 0, run: false, yaw: 0, ...over });

function walk(from: { x: number; z: number; yaw: number }, steps: number, over: Partial<MoveInput>) {
  let pose = from;
  for (let i = 0; i < steps; i++) pose = stepAvatar(pose, input({ ...over, seq: i }), open).pose;
  return pose;
}

describe('stepAvatar', () => {
  it('walks forward (towards -z at yaw 0) at walking speed', () => {
    const { pose, gait } = stepAvatar({ x: 0, z: 0, yaw: 0 }, input({ forward: 1 }), open);
    expect(pose.x).toBeCloseTo(0, 9);
    expect(pose.z).toBeCloseTo(-WALK_SPEED * TICK_SECONDS, 9);
    expect(gait).toBe(1);
  });

  it('caps speed: diagonal input is normalised and running is the fastest possible', () => {
    const { pose } = stepAvatar({ x: 0, z: 0, yaw: 0.3 }, input({ forward: 1, strafe: 1, run: true, yaw: 0.3 }), open);
    expect(Math.hypot(pose.x, pose.z)).toBeCloseTo(RUN_SPEED * TICK_SECONDS, 9);
  });

  it('strafes right along +x at yaw 0 and turns with yaw', () => {
    expect(stepAvatar({ x: 0, z: 0, yaw: 0 }, input({ strafe: 1 }), open).pose.x).toBeGreaterThan(0);
    const east = stepAvatar({ x: 0, z: 0, yaw: 0 }, input({ forward: 1, yaw: -Math.PI / 2 }), open).pose;
    expect(east.x).toBeCloseTo(WALK_SPEED * TICK_SECONDS, 9);
    expect(east.z).toBeCloseTo(0, 9);
  });

  it('stands still without input and reports gait 0', () => {
    const r = stepAvatar({ x: 1, z: 2, yaw: 0 }, input(), open);
    expect(r.pose).toEqual({ x: 1, z: 2, yaw: 0 });
    expect(r.gait).toBe(0);
  });

  it('treats non-finite axes as zero and never produces NaN', () => {
    const r = stepAvatar({ x: 1, z: 2, yaw: 0 }, input({ forward: Number.NaN, strafe: Infinity }), open);
    expect(Number.isFinite(r.pose.x) && Number.isFinite(r.pose.z)).toBe(true);
    expect(r.pose.x).toBe(1);
  });

  it('stops at a wall instead of passing through it, even running for a long time', () => {
    const pose = walk({ x: 0, z: 0, yaw: 0 }, 200, { forward: 1, run: true });
    // Wall's south face is at z = -4.8; the avatar's centre stays a radius away.
    expect(pose.z).toBeGreaterThanOrEqual(-4.8 + AVATAR_RADIUS - 1e-9);
    expect(pose.z).toBeLessThan(-4.8 + AVATAR_RADIUS + 0.01);
  });

  it('slides along a wall when walking into it at an angle', () => {
    const pose = walk({ x: 0, z: -4.3, yaw: 0 }, 20, { forward: 1, strafe: 1 });
    expect(pose.x).toBeGreaterThan(1);
    expect(pose.z).toBeGreaterThanOrEqual(-4.8 + AVATAR_RADIUS - 1e-9);
  });

  it('is pushed around round obstacles', () => {
    const pose = walk({ x: 5, z: 8, yaw: 0 }, 60, { forward: 1 });
    expect(Math.hypot(pose.x - 5, pose.z - 5)).toBeGreaterThanOrEqual(1 + AVATAR_RADIUS - 1e-9);
  });

  it('never leaves the bounds', () => {
    const pose = walk({ x: 0, z: 0, yaw: Math.PI }, 400, { forward: 1, run: true, yaw: Math.PI });
    expect(pose.z).toBeCloseTo(10 - AVATAR_RADIUS, 9);
  });
});

describe('collision helpers', () => {
  it('pushes a point that starts inside a box out by the nearest face', () => {
    const p = { x: 0.2, z: -5.1 };
    resolveCollisions(p, AVATAR_RADIUS, open);
    expect(isFree(p, AVATAR_RADIUS, open)).toBe(true);
    expect(p.z).toBeCloseTo(-5.2 - AVATAR_RADIUS, 9);
  });

  it('measures the distance to the nearest wall along a ray', () => {
    expect(rayDistance(open, 0, 0, 0, -1, 20)).toBeCloseTo(4.8, 9);
    expect(rayDistance(open, 0, 0, 0, 1, 20)).toBe(20);
  });

  it('wraps angles and computes yaw towards a point', () => {
    expect(wrapAngle(3 * Math.PI)).toBeCloseTo(Math.PI, 9);
    expect(wrapAngle(-3 * Math.PI / 2)).toBeCloseTo(Math.PI / 2, 9);
    const yaw = yawTowards(0, 0, 3, 4);
    const f = forwardOf(yaw);
    expect(f.x).toBeCloseTo(0.6, 9);
    expect(f.z).toBeCloseTo(0.8, 9);
  });
});

describe('built-in spaces', () => {
  it('have every spawn point free and every portal leading to a real space and spawn', () => {
    for (const layout of SPACES.values()) {
      for (const spawn of layout.spawns) expect(isFree(spawn, AVATAR_RADIUS, layout), `${layout.id}/${spawn.id}`).toBe(true);
      for (const portal of layout.portals) {
        const target = SPACES.get(portal.to);
        expect(target, `${layout.id} -> ${portal.to}`).toBeDefined();
        expect(target!.spawns.some((s) => s.id === portal.toSpawn)).toBe(true);
      }
    }
  });
});
