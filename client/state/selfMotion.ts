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
/** While seated, a wish to move asks the server to stand us up, at most this often. */
const STAND_RETRY_MS = 1000;

let wasActive = false;
let lastSentYaw = Number.NaN;
let stuckSteps = 0;
let lastTargetDistance = Infinity;
let standAskedAt = -Infinity;

/** Keys or the touch joystick that walk (turning on the spot with the arrows does not count). */
function wantsToWalk(): boolean {
  return pressed('KeyW') || pressed('KeyA') || pressed('KeyS') || pressed('KeyD') || pressed('ArrowUp') || pressed('ArrowDown')
    || controls.stick.forward !== 0 || controls.stick.strafe !== 0
    || controls.target !== null;
}

/** The keys' axes, or the touch joystick's where no key says otherwise (the same intents either way). */
function withStick(forward: number, strafe: number, run: boolean): { forward: number; strafe: number; run: boolean } {
  const stick = controls.stick;
  if (forward !== 0 || strafe !== 0 || (stick.forward === 0 && stick.strafe === 0)) return { forward, strafe, run };
  return { forward: stick.forward, strafe: stick.strafe, run: run || stick.run };
}

/**
 * Seated or at the floor mic: nothing to predict. The arrow keys still turn the view; a wish
 * to walk while seated asks the server to stand us up first (the walk follows once it has).
 */
function stepLocked(): void {
  const self = world.self;
  self.prev.x = self.curr.x;
  self.prev.z = self.curr.z;
  self.gait = 0;
  const turn = (pressed('ArrowLeft') ? 1 : 0) - (pressed('ArrowRight') ? 1 : 0);
  if (turn !== 0) controls.yaw = wrapAngle(controls.yaw + turn * TURN_RATE * TICK_SECONDS);
  if (self.seat < 0) {
    // At the floor mic: nowhere to go until the turn ends (and no walk saved up for after).
    controls.target = null;
    return;
  }
  const now = performance.now();
  if (wantsToWalk() && now - standAskedAt > STAND_RETRY_MS) {
    standAskedAt = now;
    world.seats?.stand();
  }
}

function buildAxes(): { forward: number; strafe: number; run: boolean } {
  const self = world.self.curr;
  const axes = withStick(
    (pressed('KeyW') || pressed('ArrowUp') ? 1 : 0) - (pressed('KeyS') || pressed('ArrowDown') ? 1 : 0),
    (pressed('KeyD') ? 1 : 0) - (pressed('KeyA') ? 1 : 0),
    pressed('ShiftLeft') || pressed('ShiftRight'),
  );
  let forward = axes.forward;
  const { strafe, run } = axes;
  const turn = (pressed('ArrowLeft') ? 1 : 0) - (pressed('ArrowRight') ? 1 : 0);
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
  if (world.self.locked) {
    stepLocked();
    return;
  }
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
    forgetUnanswered();
    return;
  }
  wasActive = active;
  world.seq += 1;
  const input: MoveInput = { seq: world.seq, forward, strafe, run: moving && run, yaw: controls.yaw };
  const result = stepAvatar(self.curr, input, layout, TICK_SECONDS, self.onStage);
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

/** Standing still, inputs the server has not answered within this time (ms) were dropped by it. */
const UNANSWERED_MS = 1000;
let lastReconciledAt = 0;

/**
 * Standing still with inputs the server never acknowledged (it may drop some: a full queue, a
 * rate limit): after a second without word from it, its position is the truth, so stop replaying
 * them. Otherwise our avatar would stay ahead of where everyone else sees it.
 */
function forgetUnanswered(): void {
  if (world.pending.length === 0 || performance.now() - lastReconciledAt < UNANSWERED_MS) return;
  world.pending.length = 0;
  const { x, z, yaw, ack } = world.self.server;
  reconcileSelf(x, z, yaw, ack);
}

/** The server moved our avatar: drop what it has applied, rewind, replay the rest. */
export function reconcileSelf(x: number, z: number, yaw: number, ack: number): void {
  lastReconciledAt = performance.now();
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
  if (self.locked) {
    // The server places us (a seat, the floor mic): follow it exactly.
    self.curr = { x, z, yaw: self.curr.yaw };
    self.prev = { x, z, yaw: self.curr.yaw };
    self.correction.x = 0;
    self.correction.z = 0;
    return;
  }
  for (const input of pending) pose = stepAvatar(pose, input, layout, TICK_SECONDS, self.onStage).pose;
  const dx = beforeX - pose.x;
  const dz = beforeZ - pose.z;
  // Far off (or, in VR, a teleport: a glide there would be motion the person did not make).
  if (dx * dx + dz * dz > (world.xr.presenting ? 0.25 : 25)) {
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

/** Seated in a hall with a stage screen, the view turns to the screen; otherwise the server's facing. */
function lockedFacing(x: number, z: number, yaw: number): number {
  const screen = world.layout?.stage?.screen;
  if (world.self.seat < 0 || !screen) return yaw;
  return yawTowards(x, z, screen.x, screen.z);
}

/**
 * Sitting down, standing up, taking or leaving the floor mic: the server moved us, so start
 * again from its word. Locked, nothing is predicted or sent; unlocked, prediction resumes from
 * where the server put us (inputs sent before are forgotten: the server ignored them).
 */
export function setSelfLocked(locked: boolean): void {
  const self = world.self;
  if (self.locked === locked) return;
  self.locked = locked;
  standAskedAt = -Infinity;
  const { x, z, yaw } = self.server;
  // Locked, face where the server turned us (seated, towards the stage screen); standing up,
  // keep the view the person chose.
  const facing = locked ? lockedFacing(x, z, yaw) : controls.yaw;
  self.curr = { x, z, yaw: facing };
  self.prev = { x, z, yaw: facing };
  self.correction.x = 0;
  self.correction.z = 0;
  controls.yaw = facing;
  lastSentYaw = facing;
  wasActive = false;
  stuckSteps = 0;
  lastTargetDistance = Infinity;
  world.pending.length = 0;
  // A click on a seat or a key press may have asked to walk somewhere meanwhile: keep a
  // clicked floor point only when standing up (it is where the person wanted to go).
  if (locked) controls.target = null;
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

/**
 * The server put us somewhere and turned us (going to the stage): start again from there, facing
 * that way, with nothing pending (the server dropped our queued steps when it moved us).
 */
export function placeSelf(x: number, z: number, yaw: number): void {
  const self = world.self;
  self.server = { ...self.server, x, z, yaw };
  self.curr = { x, z, yaw };
  self.prev = { x, z, yaw };
  self.correction.x = 0;
  self.correction.z = 0;
  controls.yaw = yaw;
  controls.target = null;
  // Say the new facing once: a step sent before the move reached the server may have turned it back.
  lastSentYaw = Number.NaN;
  wasActive = false;
  stuckSteps = 0;
  lastTargetDistance = Infinity;
  world.pending.length = 0;
}
