import { TICK_SECONDS } from '../../shared/constants.js';
import type { MoveInput } from '../../shared/protocol/messages.js';
import { stepAvatar, wrapAngle, yawTowards } from '../../shared/spaces/movement.js';
import { controls, pressed } from '../input/controls.js';
import { world } from './world.js';

/**
 * Client-side prediction of our own avatar. One call of stepSelf is one fixed simulation step:
 * it turns the controls into a MoveInput, applies the shared stepAvatar, remembers the input
 * until the server acknowledges it, and sends it. reconcileSelf rewinds to the server's word
 * and replays what is still pending.
 */

const TURN_RATE = 2.4; // radians per second with the arrow keys
const ARRIVE_DISTANCE = 0.3;
const STUCK_STEPS = 20; // a second without progress towards a clicked point gives up

let wasActive = false;
let lastSentYaw = Number.NaN;
let stuckSteps = 0;
let lastTargetDistance = Infinity;

function buildAxes(): { forward: number; strafe: number; run: boolean } {
  const self = world.self.curr;
  let forward = (pressed('KeyW') || pressed('ArrowUp') ? 1 : 0) - (pressed('KeyS') || pressed('ArrowDown') ? 1 : 0);
  const strafe = (pressed('KeyD') ? 1 : 0) - (pressed('KeyA') ? 1 : 0);
  const turn = (pressed('ArrowLeft') ? 1 : 0) - (pressed('ArrowRight') ? 1 : 0);
  const run = pressed('ShiftLeft') || pressed('ShiftRight');
  if (turn !== 0) controls.yaw = wrapAngle(controls.yaw + turn * TURN_RATE * TICK_SECONDS);
  const target = controls.target;
  if (target && forward === 0 && strafe === 0) {
    const distance = Math.hypot(target.x - self.x, target.z - self.z);
    if (distance <= ARRIVE_DISTANCE) {
      controls.target = null;
    } else {
      stuckSteps = distance < lastTargetDistance - 0.02 ? 0 : stuckSteps + 1;
      lastTargetDistance = Math.min(lastTargetDistance, distance);
      if (stuckSteps > STUCK_STEPS) {
        controls.target = null;
      } else {
        controls.yaw = yawTowards(self.x, self.z, target.x, target.z);
        forward = 1;
      }
    }
  } else {
    stuckSteps = 0;
    lastTargetDistance = Infinity;
  }
  controls.yaw = wrapAngle(controls.yaw);
  return { forward, strafe, run };
}

/** Run one fixed step. Does nothing until our avatar is known. */
export function stepSelf(): void {
  const layout = world.layout;
  if (!layout || !world.selfReady) return;
  const { forward, strafe, run } = buildAxes();
  const moving = forward !== 0 || strafe !== 0;
  const turned = !(Math.abs(controls.yaw - lastSentYaw) < 1e-4);
  const active = moving || turned;
  const self = world.self;
  self.prev.x = self.curr.x;
  self.prev.z = self.curr.z;
  self.prev.yaw = self.curr.yaw;
  if (!active && !wasActive) {
    self.gait = 0;
    return;
  }
  wasActive = active;
  world.seq += 1;
  const input: MoveInput = { seq: world.seq, forward, strafe, run: moving && run, yaw: controls.yaw };
  const result = stepAvatar(self.curr, input, layout);
  self.curr = result.pose;
  self.gait = result.gait;
  lastSentYaw = controls.yaw;
  world.pending.push(input);
  if (world.pending.length > 200) world.pending.shift();
  world.sink?.(input);
}

/** Begin predicting from the server's state of our avatar (on join, reconnect or portal). */
export function initSelf(x: number, z: number, yaw: number, ack: number): void {
  const self = world.self;
  self.server = { x, z, yaw, ack };
  self.curr = { x, z, yaw };
  self.prev = { x, z, yaw };
  self.render = { x, z, yaw };
  self.correction.x = 0;
  self.correction.z = 0;
  controls.yaw = yaw;
  controls.target = null;
  lastSentYaw = yaw;
  wasActive = false;
  world.pending.length = 0;
  // After a reconnect the server may have queued (then dropped) a few inputs past `ack`; it
  // refuses any seq it has seen, so skip well past them.
  world.seq = Math.max(world.seq, ack) + (ack > 0 ? 8 : 0);
}

/** The server moved our avatar: drop what it has applied, rewind, replay the rest. */
export function reconcileSelf(x: number, z: number, yaw: number, ack: number): void {
  const self = world.self;
  const layout = world.layout;
  self.server = { x, z, yaw, ack };
  if (!layout) return;
  const pending = world.pending;
  let drop = 0;
  while (drop < pending.length && pending[drop]!.seq <= ack) drop++;
  if (drop > 0) pending.splice(0, drop);
  const beforeX = self.curr.x;
  const beforeZ = self.curr.z;
  let pose = { x, z, yaw: self.curr.yaw };
  for (const input of pending) pose = stepAvatar(pose, input, layout).pose;
  const dx = beforeX - pose.x;
  const dz = beforeZ - pose.z;
  if (dx * dx + dz * dz > 25) {
    // Far off (a teleport or a long stall): snap rather than glide.
    self.correction.x = 0;
    self.correction.z = 0;
    self.prev = { ...pose };
  } else {
    self.correction.x += dx;
    self.correction.z += dz;
    self.prev.x -= dx;
    self.prev.z -= dz;
  }
  self.curr = { x: pose.x, z: pose.z, yaw: self.curr.yaw };
}

/**
 * The pose to draw this frame: blend the last two fixed steps by `alpha` and add the decaying
 * correction, so a reconciliation nudges the avatar instead of teleporting it.
 */
export function updateSelfRender(alpha: number, dt: number): void {
  const self = world.self;
  const decay = Math.exp(-dt / 0.12);
  self.correction.x *= decay;
  self.correction.z *= decay;
  self.render.x = self.prev.x + (self.curr.x - self.prev.x) * alpha + self.correction.x;
  self.render.z = self.prev.z + (self.curr.z - self.prev.z) * alpha + self.correction.z;
  const dyaw = wrapAngle(controls.yaw - self.render.yaw);
  self.render.yaw = wrapAngle(self.render.yaw + dyaw * (1 - Math.exp(-dt / 0.06)));
}
