import { Box3, Vector3, type Camera } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { useExhibits } from '../state/exhibits.js';
import { exhibitObjects } from './exhibits/registry.js';

/** A rectangle on screen in normalised device coordinates (-1..1), or empty. */
export interface ScreenRect { minX: number; maxX: number; minY: number; maxY: number; empty: boolean }

export function newRect(): ScreenRect {
  return { minX: 0, maxX: 0, minY: 0, maxY: 0, empty: true };
}

const corner = new Vector3();
const bounds = new Box3();
let boundsOf = '';
let boundsAge = 0;

function addPoint(rect: ScreenRect, camera: Camera, x: number, y: number, z: number): boolean {
  corner.set(x, y, z).project(camera);
  if (corner.z > 1) return false; // behind the camera
  if (rect.empty) {
    rect.minX = rect.maxX = corner.x;
    rect.minY = rect.maxY = corner.y;
    rect.empty = false;
  } else {
    rect.minX = Math.min(rect.minX, corner.x);
    rect.maxX = Math.max(rect.maxX, corner.x);
    rect.minY = Math.min(rect.minY, corner.y);
    rect.maxY = Math.max(rect.maxY, corner.y);
  }
  return true;
}

/** Where the stage screen is on screen this frame (empty when there is none or it is behind us). */
export function stageScreenRect(rect: ScreenRect, layout: SpaceLayout | null, camera: Camera): ScreenRect {
  rect.empty = true;
  const s = layout?.stage?.screen;
  if (!s) return rect;
  const rx = Math.cos(s.yaw) * (s.width / 2);
  const rz = -Math.sin(s.yaw) * (s.width / 2);
  for (const [sx, sy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
    if (!addPoint(rect, camera, s.x + sx * rx, s.y + (sy * s.height) / 2, s.z + sx * rz)) {
      rect.empty = true;
      return rect;
    }
  }
  return rect;
}

/** Where the exhibit being read (the one stood near, or open) is on screen this frame. */
export function readExhibitRect(rect: ScreenRect, camera: Camera): ScreenRect {
  rect.empty = true;
  const { nearId, openId } = useExhibits.getState();
  const id = openId || nearId;
  const object = id ? exhibitObjects.get(id) : undefined;
  if (!object) return rect;
  // Measured again now and then (exhibits rarely move; measuring walks their meshes).
  if (boundsOf !== id || ++boundsAge > 30) {
    bounds.setFromObject(object);
    boundsOf = id;
    boundsAge = 0;
  }
  for (let i = 0; i < 8; i++) {
    const x = i & 1 ? bounds.max.x : bounds.min.x;
    const y = i & 2 ? bounds.max.y : bounds.min.y;
    const z = i & 4 ? bounds.max.z : bounds.min.z;
    if (!addPoint(rect, camera, x, y, z)) {
      rect.empty = true;
      return rect;
    }
  }
  return rect;
}

/** Is the point (NDC) inside the rectangle, grown by a margin? */
export function inside(rect: ScreenRect, x: number, y: number, margin: number): boolean {
  return !rect.empty && x > rect.minX - margin && x < rect.maxX + margin && y > rect.minY - margin && y < rect.maxY + margin;
}
