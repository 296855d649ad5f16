import type { Transform } from '../../../shared/exhibits/exhibit.js';
import type { Box, SpaceLayout } from '../../../shared/spaces/layout.js';

/**
 * Where a placed exhibit settles: on a 0.25 m grid, turned in 15° steps, standing on the floor
 * unless clearly lifted, and flush against a wall it is brought near (facing away from it).
 * Pure, so the gizmo, the keyboard nudges and the palette all settle things the same way.
 */

export const GRID_M = 0.25;
export const ANGLE_STEP = Math.PI / 12;
export const SCALE_STEP = 0.05;
/** Closer than this (m) to a wall's face, an exhibit's back goes flush against it. */
export const WALL_SNAP_M = 0.6;
/** Lower than this (m), an exhibit stands on the floor. */
export const FLOOR_SNAP_M = 0.2;
/** Kept between an exhibit's back and the wall, so the two never flicker through each other. */
const WALL_GAP_M = 0.02;
const MIN_SCALE = 0.1;
const MAX_SCALE = 20;
const MAX_Y = 30;

export interface SnapOptions {
  /** Grid, angle steps and walls; off, only the limits of the model apply. */
  snap: boolean;
  /** Bring the exhibit flush to a nearby wall (moves only: not while turning or scaling). */
  walls: boolean;
  /** From the exhibit's origin to its back (m, before scale): how far from the wall it stands. */
  back: number;
  /**
   * Pictures and screens: the height (m) they hang at when brought flush to a wall from the
   * floor (lower than `hangFrom` they stand on an easel). Off the wall they stand again.
   */
  hang?: { at: number; from: number };
}

const round = (v: number, step: number) => Math.round(v / step) * step;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** An angle in (-π, π], rounded so it survives the float32 room state unchanged. */
export function wrapAngle(a: number): number {
  let r = a % (2 * Math.PI);
  if (r > Math.PI) r -= 2 * Math.PI;
  if (r <= -Math.PI) r += 2 * Math.PI;
  return Math.round(r * 1e5) / 1e5;
}

/** Metres to the millimetre: what is sent, so a value round-trips through float32 state. */
const mm = (v: number) => Math.round(v * 1000) / 1000;

/** A wall face an exhibit could stand against: where its plane is, and which way it faces. */
export interface WallFace {
  /** Facing direction (unit, along x or z). */
  nx: number;
  nz: number;
  /** The point of the face nearest the exhibit. */
  x: number;
  z: number;
  /** From the exhibit's origin to the face (m). */
  distance: number;
}

/**
 * The nearest wall face in front of which (x, z) stands, within `reach` metres: the exhibit must
 * be beside the face, not past its end. Boxes of kind 'wall' only (not plinths or stages).
 */
export function nearestWallFace(walls: readonly Box[], x: number, z: number, reach: number): WallFace | null {
  let best: WallFace | null = null;
  for (const b of walls) {
    if (b.kind !== 'wall') continue;
    const hw = b.w / 2;
    const hd = b.d / 2;
    const dx = x - b.x;
    const dz = z - b.z;
    const outX = Math.abs(dx) - hw;
    const outZ = Math.abs(dz) - hd;
    let face: WallFace | null = null;
    if (outX >= 0 && outZ < 0) {
      const nx = Math.sign(dx) || 1;
      face = { nx, nz: 0, x: b.x + nx * hw, z, distance: outX };
    } else if (outZ >= 0 && outX < 0) {
      const nz = Math.sign(dz) || 1;
      face = { nx: 0, nz, x, z: b.z + nz * hd, distance: outZ };
    }
    if (face && face.distance <= reach && (!best || face.distance < best.distance)) best = face;
  }
  return best;
}

/** Keep an exhibit inside the space's bounds. */
function clampToBounds(layout: SpaceLayout | null, x: number, z: number): { x: number; z: number } {
  if (!layout) return { x: clamp(x, -500, 500), z: clamp(z, -500, 500) };
  const b = layout.bounds;
  return { x: clamp(x, b.minX, b.maxX), z: clamp(z, b.minZ, b.maxZ) };
}

/** The transform `t` settles into in `layout`. */
export function snapTransform(t: Transform, layout: SpaceLayout | null, options: SnapOptions): Transform {
  let { x, y, z, rx, ry, rz, scale } = t;
  scale = clamp(options.snap ? round(scale, SCALE_STEP) : scale, MIN_SCALE, MAX_SCALE);
  if (options.snap) {
    x = round(x, GRID_M);
    z = round(z, GRID_M);
    y = y < FLOOR_SNAP_M ? 0 : round(y, GRID_M);
    rx = round(rx, ANGLE_STEP);
    ry = round(ry, ANGLE_STEP);
    rz = round(rz, ANGLE_STEP);
    if (options.walls && layout) {
      // Measured from the unsnapped spot: the grid should not decide which wall is near.
      const back = options.back * scale;
      const face = nearestWallFace(layout.boxes, t.x, t.z, WALL_SNAP_M + back);
      if (face) {
        if (face.nx !== 0) x = face.x + face.nx * (back + WALL_GAP_M);
        else z = face.z + face.nz * (back + WALL_GAP_M);
        ry = Math.atan2(face.nx, face.nz);
        rx = 0;
        rz = 0;
        if (options.hang && y < options.hang.from) y = options.hang.at;
      }
    }
  }
  y = clamp(y, 0, MAX_Y);
  ({ x, z } = clampToBounds(layout, x, z));
  return { x: mm(x), y: mm(y), z: mm(z), rx: wrapAngle(rx), ry: wrapAngle(ry), rz: wrapAngle(rz), scale: mm(scale) };
}

/**
 * Where a new exhibit goes: `distance` metres in front of someone at (x, z) facing `yaw` (the
 * avatar convention: facing is (-sin yaw, -cos yaw)), on the floor, turned to face them.
 */
export function placeInFront(x: number, z: number, yaw: number, distance: number): Transform {
  return { x: x - Math.sin(yaw) * distance, y: 0, z: z - Math.cos(yaw) * distance, rx: 0, ry: yaw, rz: 0, scale: 1 };
}
