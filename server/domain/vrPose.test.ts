import { describe, expect, it } from 'vitest';
import { VrPoseMessage } from '../../shared/protocol/vr.js';
import { clampPose, HAND_MAX_REACH, HEAD_MAX_OFFSET, HEAD_MAX_Y, HEAD_MIN_Y, newPresence, posesNear, type PoseSource } from './vrPose.js';

const id = [0, 0, 0, 1] as [number, number, number, number];
const part = (p: [number, number, number], q = id) => ({ p, q });

describe('VrPoseMessage', () => {
  it('accepts a head and two hands, or null hands', () => {
    expect(VrPoseMessage.safeParse({ head: part([0, 1.6, 0]), left: part([-0.3, 1.1, -0.3]), right: null }).success).toBe(true);
  });
  it('refuses NaN, huge numbers, missing parts and extra fields', () => {
    const bad: unknown[] = [
      { head: part([Number.NaN, 1.6, 0]), left: null, right: null },
      { head: part([0, 1e9, 0]), left: null, right: null },
      { head: part([0, 1.6, 0]), left: null },
      { head: part([0, 1.6, 0]), left: null, right: null, x: 3 },
      { head: { p: [0, 1.6], q: id }, left: null, right: null },
      { head: part([0, 1.6, 0], [0, 0, 0, 9] as never), left: null, right: null },
    ];
    for (const b of bad) expect(VrPoseMessage.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});

describe('clampPose', () => {
  it('keeps a plausible pose as it is (rounded)', () => {
    const out = clampPose({ head: part([0.1, 1.62, -0.05]), left: part([-0.25, 1.1, -0.3]), right: null });
    expect(out.head).toEqual([0.1, 1.62, -0.05, 0, 0, 0, 1]);
    expect(out.left).toEqual([-0.25, 1.1, -0.3, 0, 0, 0, 1]);
    expect(out.right).toBeNull();
  });
  it('pulls a head that wandered off back over the body, and within a head height', () => {
    const far = clampPose({ head: part([3, 1.6, 4]), left: null, right: null });
    expect(Math.hypot(far.head[0], far.head[2])).toBeCloseTo(HEAD_MAX_OFFSET, 3);
    expect(far.head[0] / far.head[2]).toBeCloseTo(3 / 4, 2);
    expect(clampPose({ head: part([0, 9, 0]), left: null, right: null }).head[1]).toBe(HEAD_MAX_Y);
    expect(clampPose({ head: part([0, -2, 0]), left: null, right: null }).head[1]).toBe(HEAD_MIN_Y);
  });
  it('keeps hands within reach of the head and above the floor', () => {
    const out = clampPose({ head: part([0, 1.6, 0]), left: part([0, 1.6, -5]), right: part([0.2, -3, 0]) });
    const reach = Math.hypot(out.left![0], out.left![1] - 1.6, out.left![2]);
    expect(reach).toBeCloseTo(HAND_MAX_REACH, 3);
    expect(out.right![1]).toBeGreaterThanOrEqual(0);
  });
  it('normalises orientations, and makes a degenerate one the identity', () => {
    const out = clampPose({ head: part([0, 1.6, 0], [0, 0.5, 0, 0.5]), left: part([0, 1.2, -0.3], [0, 0, 0, 0]), right: null });
    expect(Math.hypot(out.head[3], out.head[4], out.head[5], out.head[6])).toBeCloseTo(1, 3);
    expect(out.left!.slice(3)).toEqual([0, 0, 0, 1]);
  });
});

describe('posesNear', () => {
  const fresh = () => ({ ...newPresence(), pose: clampPose({ head: part([0, 1.6, 0]), left: null, right: null }), at: 1000 });
  const sources: PoseSource[] = [
    { id: 'near', x: 3, z: 4, presence: fresh() },
    { id: 'far', x: 40, z: 0, presence: fresh() },
    { id: 'me', x: 0, z: 0, presence: fresh() },
    { id: 'desktop', x: 1, z: 1, presence: undefined },
  ];
  it('gives a recipient the fresh poses of others within the radius only', () => {
    expect(posesNear('me', 0, 0, sources, 1100)?.poses.map((p) => p.id)).toEqual(['near']);
  });
  it('sends nothing when no VR visitor is near, and drops stale poses', () => {
    expect(posesNear('x', 100, 100, sources, 1100)).toBeNull();
    expect(posesNear('me', 0, 0, sources, 1000 + 60_000)).toBeNull();
  });
});
