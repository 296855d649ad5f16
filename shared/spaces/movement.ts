import { AVATAR_RADIUS, RUN_SPEED, TICK_SECONDS, WALK_SPEED } from '../constants.js';
import type { MoveInput } from '../protocol/messages.js';
import { resolveCollisions } from './collision.js';
import type { SpaceLayout } from './layout.js';

/** Where an avatar stands and which way it faces. Yaw 0 faces -z; positive yaw turns left (counter-clockwise seen from above). */
export interface Pose { x: number; z: number; yaw: number }

/** The gait the step produced, for animation: 0 standing, 1 walking, 2 running. */
export type Gait = 0 | 1 | 2;

/** Wrap an angle to (-PI, PI]. */
export function wrapAngle(a: number): number {
  const twoPi = Math.PI * 2;
  let r = a % twoPi;
  if (r <= -Math.PI) r += twoPi;
  else if (r > Math.PI) r -= twoPi;
  return r;
}

/** The unit vector an avatar with this yaw walks along when pressing forward. */
export function forwardOf(yaw: number): { x: number; z: number } {
  return { x: -Math.sin(yaw), z: -Math.cos(yaw) };
}

/** The yaw that faces from (fromX, fromZ) towards (toX, toZ). */
export function yawTowards(fromX: number, fromZ: number, toX: number, toZ: number): number {
  return Math.atan2(-(toX - fromX), -(toZ - fromZ));
}

/**
 * One fixed simulation step of one avatar: the same function runs on the server (the truth)
 * and on the client (prediction of its own avatar). Input axes are clamped and the direction
 * normalised, so no input moves an avatar faster than RUN_SPEED. `onStage`: this avatar may walk
 * onto the stage (hosts and moderators).
 */
export function stepAvatar(pose: Pose, input: MoveInput, layout: SpaceLayout, dt = TICK_SECONDS, onStage = false): { pose: Pose; gait: Gait } {
  const yaw = wrapAngle(input.yaw);
  let forward = clampAxis(input.forward);
  let strafe = clampAxis(input.strafe);
  const len = Math.hypot(forward, strafe);
  if (len > 1) {
    forward /= len;
    strafe /= len;
  }
  if (len < 1e-3) return { pose: { x: pose.x, z: pose.z, yaw }, gait: 0 };
  const speed = input.run ? RUN_SPEED : WALK_SPEED;
  const sin = Math.sin(yaw);
  const cos = Math.cos(yaw);
  // forward = (-sin, -cos); right = (cos, -sin)
  const vx = (-sin * forward + cos * strafe) * speed;
  const vz = (-cos * forward - sin * strafe) * speed;
  const next = { x: pose.x + vx * dt, z: pose.z + vz * dt };
  // Stage boxes block everyone but hosts and moderators (`onStage`).
  resolveCollisions(next, AVATAR_RADIUS, layout, onStage);
  return { pose: { x: next.x, z: next.z, yaw }, gait: input.run ? 2 : 1 };
}

function clampAxis(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.max(-1, Math.min(1, v));
}
