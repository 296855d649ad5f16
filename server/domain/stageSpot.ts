import { AVATAR_RADIUS } from '../../shared/constants.js';
import { isFree, stageAt, type Point } from '../../shared/spaces/collision.js';
import type { Box, SpaceLayout } from '../../shared/spaces/layout.js';

/** People on the stage stand at least this far apart (centre to centre). */
export const STAGE_SPACING = 1.2;
/** Behind the lectern: this much air between its back and the speaker's body. */
const LECTERN_GAP = 0.1;

export interface StageSpot { x: number; z: number; yaw: number }

/** The yaw whose forward (-sin yaw, -cos yaw) points along (dx, dz). */
function yawFacing(dx: number, dz: number): number {
  return Math.atan2(-dx, -dz);
}

/** Where the audience is, seen from the stage: the floor mic, else the seats' middle, else the space's middle. */
function audienceFrom(layout: SpaceLayout, stage: Box): { dx: number; dz: number } {
  let target: Point = { x: (layout.bounds.minX + layout.bounds.maxX) / 2, z: (layout.bounds.minZ + layout.bounds.maxZ) / 2 };
  if (layout.stage) target = layout.stage.floorMic;
  else if (layout.seats.length > 0) {
    target = { x: layout.seats.reduce((s, p) => s + p.x, 0) / layout.seats.length, z: layout.seats.reduce((s, p) => s + p.z, 0) / layout.seats.length };
  }
  const dx = target.x - stage.x;
  const dz = target.z - stage.z;
  // A stage faces along one axis: the one the audience is further along.
  return Math.abs(dz) >= Math.abs(dx) ? { dx: 0, dz: Math.sign(dz) || 1 } : { dx: Math.sign(dx), dz: 0 };
}

/**
 * Where someone taking the stage stands: behind the lectern (a piece of furniture on the stage)
 * facing the audience; when that is taken, along the same line either side of it, every
 * STAGE_SPACING metres, nearest the middle first. A spot must be on the stage, clear of walls and
 * furniture, and STAGE_SPACING from everyone else there. Undefined when there is no stage or no
 * room left on it. Pure: the room passes the positions of the others.
 */
export function stageSpot(layout: SpaceLayout, others: readonly Point[]): StageSpot | undefined {
  const stage = layout.boxes.find((b) => b.kind === 'stage');
  if (!stage) return undefined;
  const { dx, dz } = audienceFrom(layout, stage);
  const yaw = yawFacing(dx, dz);
  // The stage's depth runs towards the audience; its width across.
  const depth = dz !== 0 ? stage.d : stage.w;
  const width = dz !== 0 ? stage.w : stage.d;
  const lectern = layout.boxes.find((b) => b.kind === 'furniture' && stageAt(layout, b.x, b.z) === stage);
  // The line people stand on: behind the lectern, or a third of the way back from the front edge.
  let along: number;
  if (lectern) {
    const lecternAlong = dz !== 0 ? (lectern.z - stage.z) * dz : (lectern.x - stage.x) * dx;
    const lecternHalf = (dz !== 0 ? lectern.d : lectern.w) / 2;
    along = lecternAlong - lecternHalf - LECTERN_GAP - AVATAR_RADIUS;
  } else {
    along = depth / 2 - depth / 3;
  }
  const across0 = lectern ? (dz !== 0 ? lectern.x - stage.x : lectern.z - stage.z) : 0;
  // Those who may take the stage walk on it: it is floor to them.
  const floor = { ...layout, boxes: layout.boxes.filter((b) => b.kind !== 'stage') };
  const reach = Math.floor(width / 2 / STAGE_SPACING);
  for (let i = 0; i <= 2 * reach; i++) {
    const step = i === 0 ? 0 : (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2);
    const across = across0 + step * STAGE_SPACING;
    if (Math.abs(across) > width / 2 - AVATAR_RADIUS) continue;
    const p = dz !== 0
      ? { x: stage.x + across, z: stage.z + along * dz }
      : { x: stage.x + along * dx, z: stage.z + across };
    if (stageAt(layout, p.x, p.z) !== stage || !isFree(p, AVATAR_RADIUS, floor)) continue;
    if (others.some((o) => Math.hypot(o.x - p.x, o.z - p.z) < STAGE_SPACING - 1e-6)) continue;
    return { x: p.x, z: p.z, yaw };
  }
  return undefined;
}
