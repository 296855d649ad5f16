import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, type RefObject } from 'react';
import { Euler, Quaternion, Vector3, type Group } from 'three';
import { VR_POSE_HZ, type VrPart } from '../../shared/protocol/vr.js';
import { TELEPORT_REFUSALS, teleportVerdict } from '../../shared/spaces/teleport.js';
import { wrapAngle, yawTowards } from '../../shared/spaces/movement.js';
import { controls, releaseStick, setStick } from '../input/controls.js';
import { showToast } from '../state/ui.js';
import { useVr, vrFloor, vrLink } from '../state/vr.js';
import { world } from '../state/world.js';
import { snapTurn, thumbstick, walkAxes } from './sticks.js';
import { vrMotion } from './vrMotion.js';

/** Seated mode puts the eyes this high above the seat's floor. */
const SEATED_EYE = 1.2;
/** The body turns to follow the head once they differ by this much (or at once while walking). */
const BODY_FOLLOW = 0.6;
const POSE_EVERY_MS = 1000 / VR_POSE_HZ;

const headQuat = new Quaternion();
const turn = new Quaternion();
const euler = new Euler(0, 0, 0, 'YXZ');
const UP = new Vector3(0, 1, 0);
const v = new Vector3();
const q = new Quaternion();

let armed = true;
let lastPoseAt = -Infinity;

/** A tracked pose (in the origin's space) as a part relative to the avatar: turned by the origin's yaw, lifted by seated mode. */
function relative(t: XRRigidTransform): VrPart {
  v.set(t.position.x, t.position.y, t.position.z).applyQuaternion(turn);
  q.set(t.orientation.x, t.orientation.y, t.orientation.z, t.orientation.w).premultiply(turn);
  return { p: [v.x, v.y + vrMotion.lift, v.z], q: [q.x, q.y, q.z, q.w] };
}

/** The head's yaw in the origin's space. */
function localYaw(t: XRRigidTransform): number {
  headQuat.set(t.orientation.x, t.orientation.y, t.orientation.z, t.orientation.w);
  return euler.setFromQuaternion(headQuat).y;
}

/**
 * Each VR frame: put the player's origin on our avatar; turn the left stick into the same
 * movement intents the keyboard sends (the server moves the avatar, we follow it); snap-turn
 * on the right stick; send head and hands a few times a second. Nothing moves the view that
 * the person did not ask for.
 */
export function VrDriver({ origin }: { origin: RefObject<Group | null> }) {
  const gl = useThree((s) => s.gl);

  useEffect(() => {
    vrFloor.point = (x, z) => {
      const layout = world.layout;
      const from = world.self.curr;
      world.xr.floor.x = x;
      world.xr.floor.z = z;
      world.xr.floor.at = performance.now();
      world.xr.floor.ok = !!layout && !world.self.locked && teleportVerdict(layout, from, { x, z }, world.self.onStage).ok;
    };
    vrFloor.pick = (x, z) => {
      const layout = world.layout;
      if (!layout || !world.selfReady) return;
      if (world.self.locked) {
        showToast(world.self.seat >= 0 ? 'Please stand up first (the panel on your left wrist).' : 'You are at the floor microphone until your turn ends.');
        return;
      }
      const verdict = teleportVerdict(layout, world.self.curr, { x, z }, world.self.onStage);
      if (!verdict.ok) {
        showToast(TELEPORT_REFUSALS[verdict.reason]);
        return;
      }
      // The server decides; our avatar (and view) jumps when its word arrives.
      vrLink.teleport?.({ x, z });
    };
    return () => {
      vrFloor.point = null;
      vrFloor.pick = null;
      releaseStick();
      vrMotion.vignette = 0;
    };
  }, []);

  useFrame((_, delta, frame?: XRFrame) => {
    const o = origin.current;
    const session = gl.xr.getSession();
    const space = gl.xr.getReferenceSpace();
    if (!o || !session || !frame || !space || !world.selfReady) return;
    world.xr.frames += 1;
    const self = world.self;
    const viewer = frame.getViewerPose(space);

    // Sitting down (or entering VR seated, or switching seated mode on) sets the view up once:
    // at a seated eye height, facing the stage. Switching it off puts the view back at the tracked height.
    const seat = self.seat;
    const seatedMode = useVr.getState().seated;
    if (seat !== vrMotion.seatedFor || seatedMode !== vrMotion.seatedMode) {
      vrMotion.seatedFor = seat;
      vrMotion.seatedMode = seatedMode;
      const seated = seat >= 0 && seatedMode;
      vrMotion.lift = seated && viewer ? SEATED_EYE - viewer.transform.position.y : 0;
      const screen = world.layout?.stage?.screen;
      if (seated && viewer && screen) {
        vrMotion.originYaw = wrapAngle(yawTowards(self.drawn.x, self.drawn.z, screen.x, screen.z) - localYaw(viewer.transform));
      }
    }

    // Sticks: left walks, right snap-turns.
    let walk = { forward: 0, strafe: 0 };
    for (const source of session.inputSources) {
      const stick = thumbstick(source.gamepad);
      if (source.handedness === 'left') walk = walkAxes(stick.x, stick.y);
      if (source.handedness === 'right') {
        const s = snapTurn(stick.x, armed);
        armed = s.armed;
        if (s.turn !== 0) vrMotion.originYaw = wrapAngle(vrMotion.originYaw + s.turn);
      }
    }
    const moving = walk.forward !== 0 || walk.strafe !== 0;
    setStick(walk.forward, walk.strafe, false);

    // Walking goes where the head looks; standing, the body turns to the head only when it has turned well away.
    if (viewer && !self.locked) {
      const headYaw = wrapAngle(vrMotion.originYaw + localYaw(viewer.transform));
      if (moving || Math.abs(wrapAngle(headYaw - controls.yaw)) > BODY_FOLLOW) controls.yaw = headYaw;
    }

    // The origin stands on our avatar (on its seat when seated), turned by the snap turns.
    const at = seat >= 0 ? self.drawn : self.render;
    o.position.set(at.x, self.drawn.base + vrMotion.lift, at.z);
    o.rotation.set(0, vrMotion.originYaw, 0);
    turn.setFromAxisAngle(UP, vrMotion.originYaw);
    const placed = world.xr.origin;
    placed.x = o.position.x;
    placed.y = o.position.y;
    placed.z = o.position.z;
    placed.yaw = vrMotion.originYaw;

    // Comfort: the vignette closes in while the stick moves us, and opens again when we stop.
    const want = useVr.getState().vignette && moving && !self.locked ? 1 : 0;
    vrMotion.vignette += (want - vrMotion.vignette) * (1 - Math.exp(-Math.min(delta, 0.1) * 8));

    // Head and hands, a few times a second.
    const now = performance.now();
    if (viewer && now - lastPoseAt >= POSE_EVERY_MS) {
      lastPoseAt = now;
      let left: VrPart | null = null;
      let right: VrPart | null = null;
      for (const source of session.inputSources) {
        const grip = source.gripSpace ? frame.getPose(source.gripSpace, space) : undefined;
        if (!grip) continue;
        if (source.handedness === 'left') left = relative(grip.transform);
        if (source.handedness === 'right') right = relative(grip.transform);
      }
      const head = relative(viewer.transform);
      // The avatar's ground point is the origin: parts are already relative to it.
      vrLink.pose?.({ head, left, right });
    }
  }, -2);
  return null;
}
