import type { Box, Circle, SpaceLayout } from './layout.js';

/** A point on the ground plane. Mutated in place by the resolvers to keep the hot path allocation-free. */
export interface Point { x: number; z: number }

/** Push a circle (centre p, radius r) out of an axis-aligned box. Returns true if it moved. */
export function pushOutOfBox(p: Point, r: number, box: Box): boolean {
  const hx = box.w / 2;
  const hz = box.d / 2;
  const dx = p.x - box.x;
  const dz = p.z - box.z;
  // Closest point of the box to the centre.
  const cx = Math.max(-hx, Math.min(hx, dx));
  const cz = Math.max(-hz, Math.min(hz, dz));
  const ox = dx - cx;
  const oz = dz - cz;
  const distSq = ox * ox + oz * oz;
  if (distSq >= r * r) return false;
  if (distSq > 1e-12) {
    const dist = Math.sqrt(distSq);
    const push = (r - dist) / dist;
    p.x += ox * push;
    p.z += oz * push;
    return true;
  }
  // Centre inside the box: leave by the nearest face.
  const toRight = hx - dx;
  const toLeft = hx + dx;
  const toFront = hz - dz;
  const toBack = hz + dz;
  const least = Math.min(toRight, toLeft, toFront, toBack);
  if (least === toRight) p.x = box.x + hx + r;
  else if (least === toLeft) p.x = box.x - hx - r;
  else if (least === toFront) p.z = box.z + hz + r;
  else p.z = box.z - hz - r;
  return true;
}

/** Push a circle out of a round obstacle. Returns true if it moved. */
export function pushOutOfCircle(p: Point, r: number, c: Circle): boolean {
  const dx = p.x - c.x;
  const dz = p.z - c.z;
  const min = r + c.r;
  const distSq = dx * dx + dz * dz;
  if (distSq >= min * min) return false;
  const dist = Math.sqrt(distSq);
  if (dist < 1e-9) {
    p.x = c.x + min;
    return true;
  }
  const push = (min - dist) / dist;
  p.x += dx * push;
  p.z += dz * push;
  return true;
}

/** Keep a circle inside the space's bounds. */
export function clampToBounds(p: Point, r: number, layout: SpaceLayout): void {
  const b = layout.bounds;
  p.x = Math.max(b.minX + r, Math.min(b.maxX - r, p.x));
  p.z = Math.max(b.minZ + r, Math.min(b.maxZ - r, p.z));
}

/**
 * Resolve a circle against every solid shape of a layout. A few relaxation passes settle
 * corners where two walls meet; bounds are applied last so nothing ends up outside.
 */
export function resolveCollisions(p: Point, r: number, layout: SpaceLayout, onStage = false): void {
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (const box of layout.boxes) {
      if (box.solid && !(onStage && box.kind === 'stage') && pushOutOfBox(p, r, box)) moved = true;
    }
    for (const c of layout.circles) {
      if (pushOutOfCircle(p, r, c)) moved = true;
    }
    if (!moved) break;
  }
  clampToBounds(p, r, layout);
}

/** The stage box (kind 'stage') the point stands on, if any. */
export function stageAt(layout: SpaceLayout, x: number, z: number): Box | undefined {
  return layout.boxes.find((b) => b.kind === 'stage'
    && Math.abs(x - b.x) <= b.w / 2 && Math.abs(z - b.z) <= b.d / 2);
}

/** True if the point is free of every solid shape (with radius r) and inside the bounds. */
export function isFree(p: Point, r: number, layout: SpaceLayout): boolean {
  const b = layout.bounds;
  if (p.x < b.minX + r || p.x > b.maxX - r || p.z < b.minZ + r || p.z > b.maxZ - r) return false;
  // A hair of tolerance: a circle resting exactly against a wall counts as free.
  const inner = r - 1e-6;
  const probe = { x: p.x, z: p.z };
  for (const box of layout.boxes) if (box.solid && pushOutOfBox(probe, inner, box)) return false;
  for (const c of layout.circles) if (pushOutOfCircle(probe, inner, c)) return false;
  return true;
}

/**
 * How far along the ray from (ox, oz) in direction (dx, dz) (unit length) one can go before
 * touching a solid box taller than `minHeight`, up to maxDist. Used by the third-person camera
 * so it never looks through a wall.
 */
export function rayDistance(
  layout: SpaceLayout, ox: number, oz: number, dx: number, dz: number, maxDist: number, minHeight = 0,
): number {
  let best = maxDist;
  for (const box of layout.boxes) {
    if (!box.solid || box.h < minHeight) continue;
    const t = rayBox(ox, oz, dx, dz, box);
    if (t >= 0 && t < best) best = t;
  }
  return best;
}

function rayBox(ox: number, oz: number, dx: number, dz: number, box: Box): number {
  const minX = box.x - box.w / 2;
  const maxX = box.x + box.w / 2;
  const minZ = box.z - box.d / 2;
  const maxZ = box.z + box.d / 2;
  let tMin = -Infinity;
  let tMax = Infinity;
  if (Math.abs(dx) < 1e-12) {
    if (ox < minX || ox > maxX) return -1;
  } else {
    const t1 = (minX - ox) / dx;
    const t2 = (maxX - ox) / dx;
    tMin = Math.max(tMin, Math.min(t1, t2));
    tMax = Math.min(tMax, Math.max(t1, t2));
  }
  if (Math.abs(dz) < 1e-12) {
    if (oz < minZ || oz > maxZ) return -1;
  } else {
    const t1 = (minZ - oz) / dz;
    const t2 = (maxZ - oz) / dz;
    tMin = Math.max(tMin, Math.min(t1, t2));
    tMax = Math.min(tMax, Math.max(t1, t2));
  }
  if (tMax < 0 || tMin > tMax) return -1;
  return tMin < 0 ? 0 : tMin;
}

/** The portal whose rectangle contains the point, if any. */
export function portalAt(layout: SpaceLayout, x: number, z: number) {
  for (const portal of layout.portals) {
    if (Math.abs(x - portal.x) <= portal.w / 2 && Math.abs(z - portal.z) <= portal.d / 2) return portal;
  }
  return undefined;
}
