import { Euler, Matrix4 } from 'three';
import { HIP_HEIGHT, HIP_JOINT_X, NECK_ABOVE_HIPS, SHOULDER, THIGH_LENGTH } from './humanoidGeometry.js';
import { CHAIR_SEAT } from './avatarPlace.js';

/** What a person is doing this frame, as the pose needs it. */
export interface PoseInput {
  x: number;
  z: number;
  /** Height of what they stand or sit on. */
  base: number;
  /** The body's yaw, and the head's turn and tilt relative to it (radians). */
  bodyYaw: number;
  headYaw: number;
  headPitch: number;
  /** 0 standing, 1 walking, 2 running. */
  gait: number;
  sitting: boolean;
  handUp: boolean;
  talking: boolean;
  /** Seconds, and a per-person offset so a crowd is not in step. */
  t: number;
  phase: number;
}

/** One matrix per part (hands ride on the arms, hair on the head). */
export interface HumanoidPose {
  torso: Matrix4;
  head: Matrix4;
  mouth: Matrix4;
  arms: [Matrix4, Matrix4];
  thighs: [Matrix4, Matrix4];
  shins: [Matrix4, Matrix4];
}

export function newPose(): HumanoidPose {
  const m = () => new Matrix4();
  return { torso: m(), head: m(), mouth: m(), arms: [m(), m()], thighs: [m(), m()], shins: [m(), m()] };
}

/** Cycle speeds (radians of stride per second) and swing amplitudes for walking and running. */
const STRIDE = [0, 5.6, 8.6];
const SWING = [0, 0.42, 0.78];
const BOB = [0, 0.035, 0.07];
const LEAN = [0, -0.04, -0.16];
/** The hips sit this far above the chair's seat. */
const SEATED_HIPS = CHAIR_SEAT + 0.08;
const MOUTH_Y = 0.135;

const local = new Matrix4();
const root = new Matrix4();
const euler = new Euler(0, 0, 0, 'YXZ');

/** out = parent · translate(x, y, z) · rotate(yaw about y, then pitch about x, then roll about z). */
function joint(out: Matrix4, parent: Matrix4, x: number, y: number, z: number, pitch: number, yaw = 0, roll = 0): Matrix4 {
  euler.set(pitch, yaw, roll);
  local.makeRotationFromEuler(euler).setPosition(x, y, z);
  return out.multiplyMatrices(parent, local);
}

/** The height of the hips above `base`, for a standing or seated person (before the bob). */
export function hipsHeight(sitting: boolean): number {
  return sitting ? SEATED_HIPS : HIP_HEIGHT;
}

/**
 * Places every part for one person: a walk or run cycle (legs and opposite arms swing, the body
 * bobs and, running, leans), sitting (thighs forward, shins down, hands in the lap), a raised
 * right hand that waves a little, a mouth that moves while they speak, and the head turned and
 * tilted to where they look.
 */
export function poseHumanoid(out: HumanoidPose, p: PoseInput): HumanoidPose {
  const g = p.sitting ? 0 : Math.max(0, Math.min(2, Math.round(p.gait)));
  const cycle = p.t * STRIDE[g]! + p.phase;
  const s = Math.sin(cycle);
  const bob = Math.abs(Math.cos(cycle)) * BOB[g]!;
  const hips = hipsHeight(p.sitting);
  root.makeRotationY(p.bodyYaw).setPosition(p.x, p.base + bob, p.z);

  // Legs: seated, thighs straight forward and shins straight down; walking, they swing in turn
  // and the knee bends as the foot comes through.
  for (let side = 0; side < 2; side++) {
    const sign = side === 0 ? -1 : 1;
    const swing = p.sitting ? Math.PI / 2 : sign * s * SWING[g]!;
    const knee = p.sitting ? -Math.PI / 2 : -Math.max(0, sign * Math.cos(cycle)) * SWING[g]! * 1.4;
    joint(out.thighs[side]!, root, sign * HIP_JOINT_X, hips, 0, swing);
    joint(out.shins[side]!, out.thighs[side]!, 0, -THIGH_LENGTH, 0, knee);
  }

  joint(out.torso, root, 0, hips, 0, p.sitting ? 0 : LEAN[g]!);

  for (let side = 0; side < 2; side++) {
    const sign = side === 0 ? -1 : 1;
    let pitch = p.sitting ? 0.55 : -sign * s * SWING[g]! * 0.9;
    let roll = sign * 0.06;
    if (p.handUp && side === 1) {
      pitch = 2.85;
      roll = 0.18 + Math.sin(p.t * 5 + p.phase) * 0.12;
    }
    joint(out.arms[side]!, out.torso, sign * SHOULDER.x, SHOULDER.y, 0, pitch, 0, roll);
  }

  // Talking: a small nod and a mouth opening and closing at speech-like rates.
  const talk = p.talking ? Math.abs(Math.sin(p.t * 13 + p.phase)) * (0.6 + 0.4 * Math.sin(p.t * 3.1 + p.phase)) : 0;
  joint(out.head, out.torso, 0, NECK_ABOVE_HIPS, 0, p.headPitch + talk * 0.05, p.headYaw);
  local.makeTranslation(0, MOUTH_Y, 0);
  out.mouth.multiplyMatrices(out.head, local);
  local.makeScale(1 + talk * 0.2, 1 + talk * 4, 1);
  out.mouth.multiply(local);
  local.makeTranslation(0, -MOUTH_Y, 0);
  out.mouth.multiply(local);
  return out;
}
