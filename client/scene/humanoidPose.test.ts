import { Vector3, type Matrix4 } from 'three';
import { describe, expect, it } from 'vitest';
import { newPose, poseHumanoid, type PoseInput } from './humanoidPose.js';

const base: PoseInput = { x: 2, z: -3, base: 0, bodyYaw: 0, headYaw: 0, headPitch: 0, gait: 0, sitting: false, handUp: false, talking: false, t: 1, phase: 0 };
const origin = (m: Matrix4) => new Vector3().setFromMatrixPosition(m);
/** Where a point at the end of a hanging limb (its local -y) ends up. */
const end = (m: Matrix4, length: number) => new Vector3(0, -length, 0).applyMatrix4(m);

describe('humanoid pose', () => {
  it('stands on its floor with the head above the hips, where the person is', () => {
    const p = poseHumanoid(newPose(), base);
    expect(origin(p.torso).x).toBeCloseTo(2);
    expect(origin(p.torso).z).toBeCloseTo(-3);
    expect(origin(p.head).y).toBeGreaterThan(origin(p.torso).y + 0.4);
    // The shoes reach the floor (shin end at about 0.48 m below the knee).
    expect(end(p.shins[0], 0.48).y).toBeCloseTo(0, 1);
  });

  it('walking swings the legs in turn; standing does not', () => {
    const still = poseHumanoid(newPose(), base);
    expect(end(still.thighs[0], 0.42).z).toBeCloseTo(end(still.thighs[1], 0.42).z);
    const walking = poseHumanoid(newPose(), { ...base, gait: 1, t: 0.3 });
    const left = end(walking.thighs[0], 0.42).z;
    const right = end(walking.thighs[1], 0.42).z;
    expect(Math.sign(left + 3)).toBe(-Math.sign(right + 3));
  });

  it('sitting puts the knees forward at the seat and the feet down', () => {
    const p = poseHumanoid(newPose(), { ...base, sitting: true });
    const knee = end(p.thighs[0], 0.42);
    expect(knee.z).toBeLessThan(-3 - 0.35); // forward is -z
    expect(Math.abs(knee.y - origin(p.thighs[0]).y)).toBeLessThan(0.05);
    expect(end(p.shins[0], 0.48).y).toBeLessThan(0.15);
  });

  it('a raised hand is above the head', () => {
    const p = poseHumanoid(newPose(), { ...base, handUp: true });
    expect(end(p.arms[1], 0.56).y).toBeGreaterThan(origin(p.head).y + 0.2);
    expect(end(p.arms[0], 0.56).y).toBeLessThan(origin(p.torso).y + 0.1);
  });

  it('the head turns to where the person looks', () => {
    const p = poseHumanoid(newPose(), { ...base, headYaw: Math.PI / 2 });
    const facing = new Vector3(0, 0, -1).transformDirection(p.head);
    expect(facing.x).toBeCloseTo(-1); // yaw +90° turns -z towards -x
  });

  it('the mouth opens while talking', () => {
    const quiet = poseHumanoid(newPose(), { ...base, t: 0.2 }).mouth.clone();
    const talking = poseHumanoid(newPose(), { ...base, t: 0.2, talking: true }).mouth;
    const height = (m: Matrix4) => new Vector3().setFromMatrixScale(m).y;
    expect(height(talking)).toBeGreaterThan(height(quiet));
  });
});
