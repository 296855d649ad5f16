import type { PackedPart, VrPart, VrPoseMessage, VrPosesMessage } from '../../shared/protocol/vr.js';
import { VR_POSE_RADIUS, VR_POSE_TTL_MS } from '../../shared/protocol/vr.js';

/**
 * VR head and hand poses: clamped to what a body can do before anyone else sees them, kept per
 * person for a short while, and handed out only to people nearby. No Colyseus here.
 */

/** The head stays within this horizontal distance of the avatar's ground point (metres). */
export const HEAD_MAX_OFFSET = 0.75;
/** Head height above the floor the avatar stands or sits on (metres). */
export const HEAD_MIN_Y = 0.3;
export const HEAD_MAX_Y = 2.3;
/** Hands stay within arm's reach of the head. */
export const HAND_MAX_REACH = 1.0;

export interface ClampedPose {
  head: PackedPart;
  left: PackedPart | null;
  right: PackedPart | null;
}

/** Millimetres for positions, four decimals for orientations: enough to look right, small to send. */
function round(v: number, scale: number): number {
  return Math.round(v * scale) / scale;
}

/** A unit quaternion (a degenerate one becomes the identity). */
function unitQuaternion(q: readonly [number, number, number, number]): [number, number, number, number] {
  const n = Math.hypot(q[0], q[1], q[2], q[3]);
  if (!(n > 0.5)) return [0, 0, 0, 1];
  return [round(q[0] / n, 1e4), round(q[1] / n, 1e4), round(q[2] / n, 1e4), round(q[3] / n, 1e4)];
}

function pack(p: readonly [number, number, number], q: readonly [number, number, number, number]): PackedPart {
  const u = unitQuaternion(q);
  return [round(p[0], 1e3), round(p[1], 1e3), round(p[2], 1e3), u[0], u[1], u[2], u[3]];
}

/** A hand pulled in to within reach of the head (and not below the floor). */
function clampHand(hand: VrPart, head: readonly [number, number, number]): PackedPart {
  let dx = hand.p[0] - head[0];
  let dy = hand.p[1] - head[1];
  let dz = hand.p[2] - head[2];
  const d = Math.hypot(dx, dy, dz);
  if (d > HAND_MAX_REACH) {
    const k = HAND_MAX_REACH / d;
    dx *= k;
    dy *= k;
    dz *= k;
  }
  return pack([head[0] + dx, Math.max(0, head[1] + dy), head[2] + dz], hand.q);
}

/** Clamp a pose (already shape-checked by the zod schema) to the avatar's body. */
export function clampPose(message: VrPoseMessage): ClampedPose {
  let [hx, hy, hz] = message.head.p;
  const horizontal = Math.hypot(hx, hz);
  if (horizontal > HEAD_MAX_OFFSET) {
    hx *= HEAD_MAX_OFFSET / horizontal;
    hz *= HEAD_MAX_OFFSET / horizontal;
  }
  hy = Math.min(HEAD_MAX_Y, Math.max(HEAD_MIN_Y, hy));
  const head: [number, number, number] = [hx, hy, hz];
  return {
    head: pack(head, message.head.q),
    left: message.left ? clampHand(message.left, head) : null,
    right: message.right ? clampHand(message.right, head) : null,
  };
}

/** What the server keeps about one VR visitor. */
export interface VrPresence {
  pose: ClampedPose | null;
  /** When the pose arrived (ms). */
  at: number;
  /** When the last teleport was allowed (ms). */
  teleportedAt: number;
}

export function newPresence(): VrPresence {
  return { pose: null, at: -Infinity, teleportedAt: -Infinity };
}

export interface PoseSource { id: string; x: number; z: number; presence: VrPresence | undefined }

/**
 * For one recipient standing at (x, z): the fresh poses of other VR visitors within
 * VR_POSE_RADIUS, or null when there are none (nothing is sent then).
 */
export function posesNear(recipientId: string, x: number, z: number, sources: readonly PoseSource[], now: number,
  radius = VR_POSE_RADIUS): VrPosesMessage | null {
  const poses: VrPosesMessage['poses'] = [];
  for (const s of sources) {
    const p = s.presence;
    if (s.id === recipientId || !p?.pose || now - p.at > VR_POSE_TTL_MS) continue;
    if ((s.x - x) ** 2 + (s.z - z) ** 2 > radius * radius) continue;
    poses.push({ id: s.id, ...p.pose });
  }
  return poses.length > 0 ? { poses } : null;
}
