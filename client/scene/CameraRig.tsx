import { useFrame } from '@react-three/fiber';
import type { Camera } from 'three';
import { rayDistance } from '../../shared/spaces/collision.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { wrapAngle } from '../../shared/spaces/movement.js';
import { controls } from '../input/controls.js';
import { motion } from '../state/motion.js';
import { world } from '../state/world.js';

const DISTANCE = 6.5;
const HEAD = 1.5;
const WALL_MARGIN = 0.35;
const MIN_DISTANCE = 0.8;
/** The view's offset to the right of one's avatar, and how far ahead of it the view looks. */
const SHOULDER = 0.7;
const AHEAD = 3.5;
/** Boxes shorter than this (benches, plinths) do not push the camera in. */
const BLOCKING_HEIGHT = 1.2;
/** Seated, the view is just behind and above one's own head, looking at the stage. */
const SEATED_BACK = 0.95;
const SEATED_EYE = 1.9;
const SEATED_LOOK = 12;
/** The drag pitch at which the seated view looks straight at the stage screen. */
const SEATED_LEVEL_PITCH = 0.35;

let yaw = 0;
let distance = DISTANCE;
let followed: SpaceLayout | null = null;

/** Distance from (x, z) along (dx, dz) to the edge of the layout's bounds. */
function boundsDistance(layout: SpaceLayout, x: number, z: number, dx: number, dz: number): number {
  const b = layout.bounds;
  const tx = dx > 1e-9 ? (b.maxX - x) / dx : dx < -1e-9 ? (b.minX - x) / dx : Infinity;
  const tz = dz > 1e-9 ? (b.maxZ - z) / dz : dz < -1e-9 ? (b.minZ - z) / dz : Infinity;
  return Math.max(0, Math.min(tx, tz));
}

/**
 * Seated: over one's own shoulder, at eye height, looking where the view is turned; with the
 * default pitch it looks at the height of the stage screen's centre (dragging tilts from there).
 */
function seatedView(camera: Camera, layout: SpaceLayout, yawNow: number): void {
  const d = world.self.drawn;
  const backX = Math.sin(yawNow);
  const backZ = Math.cos(yawNow);
  const eyeY = d.base + SEATED_EYE;
  camera.position.set(d.x + backX * SEATED_BACK, eyeY, d.z + backZ * SEATED_BACK);
  const screen = layout.stage?.screen;
  const level = screen ? Math.atan2(screen.y - eyeY, Math.max(1, Math.hypot(screen.x - d.x, screen.z - d.z))) : 0.05;
  const tilt = level - (controls.pitch - SEATED_LEVEL_PITCH);
  camera.lookAt(d.x - backX * SEATED_LOOK, eyeY + Math.tan(tilt) * SEATED_LOOK, d.z - backZ * SEATED_LOOK);
}

/** Third person: behind and above our avatar, turning with it, pulled in front of walls. Seated, over the shoulder. */
export function CameraRig() {
  useFrame(({ camera }, delta) => {
    const layout = world.layout;
    const pin = world.view.pin;
    if (pin) {
      camera.position.set(...pin.position);
      camera.lookAt(...pin.target);
      return;
    }
    // In VR the headset places the view (client/xr puts the player's origin on the avatar).
    if (!layout || !world.selfReady || world.xr.presenting) return;
    const self = world.self.render;
    const dt = Math.min(delta, 0.1);
    // Reduced motion: the view jumps to where it is going instead of easing there.
    const snap = followed !== layout || motion.reduced;
    followed = layout;
    yaw = snap ? self.yaw : wrapAngle(yaw + wrapAngle(self.yaw - yaw) * (1 - Math.exp(-dt * 6)));
    if (world.self.seat >= 0) {
      seatedView(camera, layout, yaw);
      distance = 0; // ease back out when standing up
      return;
    }
    const pitch = controls.pitch;
    const horizontal = DISTANCE * Math.cos(pitch);
    const backX = Math.sin(yaw);
    const backZ = Math.cos(yaw);
    const room = Math.min(
      rayDistance(layout, self.x, self.z, backX, backZ, horizontal + WALL_MARGIN, BLOCKING_HEIGHT),
      // Never leave the space's bounds either (an open doorway has no wall to stop the ray).
      boundsDistance(layout, self.x, self.z, backX, backZ),
    ) - WALL_MARGIN;
    const allowed = Math.max(MIN_DISTANCE, Math.min(horizontal, room));
    // Pull in at once (never show the inside of a wall); ease back out.
    distance = snap || allowed < distance ? allowed : distance + (allowed - distance) * (1 - Math.exp(-dt * 3));
    // On a stage, the view rises with the floor.
    const head = HEAD + world.self.drawn.base;
    const height = head + distance * Math.tan(pitch);
    // Over the right shoulder, looking at a point ahead: one's own avatar sits low and to the
    // left, never over what one walks towards (less so as walls pull the view in).
    const side = SHOULDER * (distance / DISTANCE);
    const rightX = backZ;
    const rightZ = -backX;
    camera.position.set(self.x + backX * distance + rightX * side, height, self.z + backZ * distance + rightZ * side);
    camera.lookAt(self.x - backX * AHEAD + rightX * side, head, self.z - backZ * AHEAD + rightZ * side);
  }, -1);
  return null;
}
