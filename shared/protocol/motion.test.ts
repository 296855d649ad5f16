import { describe, expect, it } from 'vitest';
import { buildFrame, POSITION_STEP_M, readFrame, RECORD_BYTES, writeRecord, type MotionPose, type SelfPose } from './motion.js';

function record(slot: number, pose: MotionPose): Uint8Array {
  const out = new Uint8Array(RECORD_BYTES);
  writeRecord(out, 0, slot, pose);
  return out;
}

describe('motion frames', () => {
  it('carries the own pose exactly and others quantised to 2 cm and 1/256 turn', () => {
    const self: SelfPose = { ack: 4_000_000_001, x: 12.345678, z: -7.25, yaw: 1.1, gait: 2 };
    const frame = buildFrame(self, [record(5, { x: -29.99, z: 29.99, yaw: -3, gait: 1 }), record(16383, { x: 0.011, z: 0, yaw: 3.1, gait: 0 })]);
    expect(frame.byteLength).toBe(1 + 17 + 2 * RECORD_BYTES);
    const seen: { slot: number; pose: MotionPose }[] = [];
    let own: SelfPose | undefined;
    expect(readFrame(frame, (p) => { own = p; }, (slot, pose) => seen.push({ slot, pose }))).toBe(true);
    expect(own!.ack).toBe(self.ack);
    expect(own!.x).toBeCloseTo(self.x, 5);
    expect(own!.gait).toBe(2);
    expect(seen.map((s) => [s.slot, s.pose.gait])).toEqual([[5, 1], [16383, 0]]);
    expect(Math.abs(seen[0]!.pose.x + 29.99)).toBeLessThanOrEqual(POSITION_STEP_M / 2 + 1e-9);
    expect(Math.abs(seen[0]!.pose.z - 29.99)).toBeLessThanOrEqual(POSITION_STEP_M / 2 + 1e-9);
    expect(Math.abs(seen[0]!.pose.yaw + 3)).toBeLessThanOrEqual(Math.PI / 256);
    expect(Math.abs(seen[1]!.pose.yaw - 3.1)).toBeLessThanOrEqual(Math.PI / 256);
  });

  it('refuses a frame cut short', () => {
    const frame = buildFrame(undefined, [record(1, { x: 1, z: 1, yaw: 0, gait: 0 })]);
    expect(readFrame(frame.subarray(0, frame.byteLength - 1), () => undefined, () => undefined)).toBe(false);
    expect(readFrame(new Uint8Array(0), () => undefined, () => undefined)).toBe(false);
  });
});
