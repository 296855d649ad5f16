import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useRef, useState } from 'react';
import { Color, Euler, Frustum, Matrix4, Quaternion, Sphere, type BufferGeometry, type InstancedMesh } from 'three';
import { HAIR_STYLES } from '../../shared/protocol/look.js';
import { wrapAngle } from '../../shared/spaces/movement.js';
import { sampleRemote } from '../state/interpolation.js';
import { useVoice } from '../state/voice.js';
import { remoteVrPoses } from '../state/vr.js';
import { world, type Drawn, type RemoteAvatar } from '../state/world.js';
import { lookColours, newLookColours, type LookColours } from './avatarLook.js';
import { newPlacement, placeOn, type Placement } from './avatarPlace.js';
import { detailCutoff } from './crowdDetail.js';
import { ARM, HAIR, HAND, HEAD, LOW, MOUTH, SHIN, THIGH, TORSO } from './humanoidGeometry.js';
import { newPose, poseHumanoid, type HumanoidPose, type PoseInput } from './humanoidPose.js';

/** The head turns this far from the body before the body turns with it. */
const NECK_TURN = 1.1;
/** How fast the body follows where the head looks (per second). */
const BODY_FOLLOW = 6;

type Tint = Exclude<keyof LookColours, 'style'>;
interface Part { name: string; geometry: BufferGeometry; per: 1 | 2; tint: Tint | null; shaded: boolean; roughness: number }

/** One instanced mesh per part, plus one per hair or hat shape: a fixed number of draw calls. */
const PARTS: Part[] = [
  { name: 'torso', geometry: TORSO, per: 1, tint: 'top', shaded: true, roughness: 0.75 },
  { name: 'head', geometry: HEAD, per: 1, tint: 'skin', shaded: true, roughness: 0.6 },
  { name: 'arm', geometry: ARM, per: 2, tint: 'top', shaded: true, roughness: 0.75 },
  { name: 'hand', geometry: HAND, per: 2, tint: 'skin', shaded: false, roughness: 0.6 },
  { name: 'thigh', geometry: THIGH, per: 2, tint: 'bottom', shaded: false, roughness: 0.8 },
  { name: 'shin', geometry: SHIN, per: 2, tint: 'bottom', shaded: true, roughness: 0.8 },
  { name: 'mouth', geometry: MOUTH, per: 1, tint: null, shaded: false, roughness: 0.9 },
  ...HAIR_STYLES.flatMap((style): Part[] => {
    const geometry = HAIR[style];
    return geometry ? [{ name: `hair-${style}`, geometry, per: 1, tint: 'hair', shaded: true, roughness: 0.85 }] : [];
  }),
];
const HAIR_PART = new Map(HAIR_STYLES.map((style) => [style, PARTS.findIndex((p) => p.name === `hair-${style}`)]));

/** The same parts in few triangles, for people beyond the nearest in a big crowd (crowdDetail.ts); one cap for every hair or hat. */
const LOW_PARTS: Part[] = [
  { name: 'torso', geometry: LOW.torso, per: 1, tint: 'top', shaded: true, roughness: 0.75 },
  { name: 'head', geometry: LOW.head, per: 1, tint: 'skin', shaded: true, roughness: 0.6 },
  { name: 'arm', geometry: LOW.arm, per: 2, tint: 'top', shaded: true, roughness: 0.75 },
  { name: 'hand', geometry: LOW.hand, per: 2, tint: 'skin', shaded: false, roughness: 0.6 },
  { name: 'thigh', geometry: LOW.thigh, per: 2, tint: 'bottom', shaded: false, roughness: 0.8 },
  { name: 'shin', geometry: LOW.shin, per: 2, tint: 'bottom', shaded: true, roughness: 0.8 },
  { name: 'hair', geometry: LOW.hair, per: 1, tint: 'hair', shaded: true, roughness: 0.85 },
];
/** A person is in view if this sphere around them touches the camera's frustum (shadows and raised hands included). */
const VIEW_RADIUS = 2.5;
const frustum = new Frustum();
const viewMatrix = new Matrix4();
const bodySphere = new Sphere(undefined, VIEW_RADIUS);
const inView: RemoteAvatar[] = [];
/** Per person in view (same index as inView): squared distance to the camera, where the head looks, its pitch. */
let distances = new Float64Array(256);
let looks = new Float64Array(256);
let pitches = new Float64Array(256);

const place: Placement = newPlacement();
const pose: HumanoidPose = newPose();
const colours = newLookColours();
const input: PoseInput = { x: 0, z: 0, base: 0, bodyYaw: 0, headYaw: 0, headPitch: 0, gait: 0, sitting: false, handUp: false, talking: false, t: 0, phase: 0 };
const headQ = new Quaternion();
const headE = new Euler(0, 0, 0, 'YXZ');
const white = new Color(1, 1, 1);
const NOTHING = new Matrix4().makeScale(0, 0, 0);

function keep(drawn: Drawn, p: Placement, bodyYaw: number): void {
  drawn.x = p.x;
  drawn.z = p.z;
  drawn.base = p.base;
  drawn.head = p.head;
  drawn.body = bodyYaw;
}

/** The body turns towards where the head looks, a little behind it, never more than a neck's turn away. */
function followLook(body: number, look: number, dt: number): number {
  let next = wrapAngle(body + wrapAngle(look - body) * (1 - Math.exp(-dt * BODY_FOLLOW)));
  const off = wrapAngle(look - next);
  if (off > NECK_TURN) next = wrapAngle(look - NECK_TURN);
  if (off < -NECK_TURN) next = wrapAngle(look + NECK_TURN);
  return next;
}

/** Writes one person's parts as instance `i` (and 2i, 2i+1 for paired parts); counts hair per shape. */
function drawPerson(meshes: (InstancedMesh | null)[], counts: number[], i: number): void {
  poseHumanoid(pose, input);
  const set = (part: number, index: number, matrix: typeof pose.torso) => {
    const mesh = meshes[part];
    if (!mesh) return;
    mesh.setMatrixAt(index, matrix);
    const tint = PARTS[part]!.tint;
    if (tint) mesh.setColorAt(index, colours[tint]);
  };
  set(0, i, pose.torso);
  set(1, i, pose.head);
  set(6, i, pose.mouth);
  for (let side = 0; side < 2; side++) {
    set(2, 2 * i + side, pose.arms[side]!);
    set(3, 2 * i + side, pose.arms[side]!);
    set(4, 2 * i + side, pose.thighs[side]!);
    set(5, 2 * i + side, pose.shins[side]!);
  }
  const hair = HAIR_PART.get(colours.style) ?? -1;
  if (hair >= 0) set(hair, counts[hair]!++, pose.head);
}

/** The same, in few triangles (LOW_PARTS), as low instance `i`; anyone with hair or a hat gets the low cap. */
function drawLow(meshes: (InstancedMesh | null)[], i: number): void {
  poseHumanoid(pose, input);
  const set = (part: number, index: number, matrix: typeof pose.torso) => {
    const mesh = meshes[part];
    if (!mesh) return;
    mesh.setMatrixAt(index, matrix);
    mesh.setColorAt(index, colours[LOW_PARTS[part]!.tint!]);
  };
  set(0, i, pose.torso);
  set(1, i, pose.head);
  for (let side = 0; side < 2; side++) {
    set(2, 2 * i + side, pose.arms[side]!);
    set(3, 2 * i + side, pose.arms[side]!);
    set(4, 2 * i + side, pose.thighs[side]!);
    set(5, 2 * i + side, pose.shins[side]!);
  }
  const hairless = (HAIR_PART.get(colours.style) ?? -1) < 0;
  meshes[6]?.setMatrixAt(i, hairless ? NOTHING : pose.head);
  meshes[6]?.setColorAt(i, colours.hair);
}

/**
 * Every person, ours and everyone else's, as a stylised humanoid in a fixed set of instanced
 * meshes (torso, head, arms, hands, thighs, shins, mouth, one per hair or hat shape), so draw
 * calls stay the same however many people are here. Each part's matrix is posed on the CPU per
 * frame (client/scene/humanoidPose.ts): walking and running, sitting, a raised hand, speaking,
 * the head turned to where the person looks (their headset's pose in VR). Remote poses are
 * interpolated here; each avatar's floor and head heights are left in the world state for tags.
 */
export function Avatars() {
  const [capacity, setCapacity] = useState(64);
  const meshes = useRef<(InstancedMesh | null)[]>([]);
  const lowMeshes = useRef<(InstancedMesh | null)[]>([]);
  const counts = useRef<number[]>(PARTS.map(() => 0));
  const growing = useRef(false);

  useLayoutEffect(() => {
    // Create the per-instance colour attributes before the first draw.
    PARTS.forEach((part, k) => {
      const mesh = meshes.current[k];
      if (!mesh || !part.tint) return;
      for (let i = 0; i < capacity * part.per; i++) mesh.setColorAt(i, white);
    });
    LOW_PARTS.forEach((part, k) => {
      const mesh = lowMeshes.current[k];
      if (!mesh) return;
      for (let i = 0; i < capacity * part.per; i++) mesh.setColorAt(i, white);
    });
    growing.current = false;
  }, [capacity]);

  useFrame((state, delta) => {
    const m = meshes.current;
    const c = counts.current;
    c.fill(0);
    const layout = world.layout;
    const now = performance.now();
    const dt = Math.min(delta, 0.1);
    input.t = state.clock.elapsedTime;
    const speaking = useVoice.getState().speaking;
    let n = 0;
    if (world.selfReady) {
      const s = world.self;
      // Locked in place (a seat, the floor mic), the body faces where the server turned it and
      // the head where the view looks.
      placeOn(layout, s.seat, s.render.x, s.render.z, s.locked ? s.server.yaw : s.render.yaw, place);
      const body = place.sitting || s.locked ? place.yaw : followLook(s.drawn.body, s.render.yaw, dt);
      keep(s.drawn, place, body);
      // In VR the camera is our own eyes: drawing our own body would put us inside it.
      if (!world.xr.presenting) {
        lookColours(colours, s.look, s.hue, s.connected);
        Object.assign(input, {
          x: place.x, z: place.z, base: place.base, bodyYaw: body, headPitch: 0, gait: s.gait, sitting: place.sitting,
          handUp: s.hand > 0, talking: speaking.includes(world.selfId), phase: 0,
        });
        input.headYaw = Math.max(-NECK_TURN, Math.min(NECK_TURN, wrapAngle(s.render.yaw - body)));
        drawPerson(m, c, n++);
      }
    }
    // Who is in view (outside a headset: both eyes there see wider than one camera says), and how far.
    const cull = !world.xr.presenting;
    const camera = state.camera;
    if (cull) {
      camera.updateMatrixWorld();
      frustum.setFromProjectionMatrix(viewMatrix.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse));
    }
    inView.length = 0;
    if (distances.length < world.remotes.size) {
      const size = world.remotes.size * 2;
      distances = new Float64Array(size);
      looks = new Float64Array(size);
      pitches = new Float64Array(size);
    }
    for (const remote of world.remotes.values()) {
      sampleRemote(remote, now);
      const r = remote.render;
      placeOn(layout, remote.seat, r.x, r.z, r.yaw, place);
      const vr = remoteVrPoses.get(remote.id);
      if (vr) headE.setFromQuaternion(headQ.set(vr.head[3], vr.head[4], vr.head[5], vr.head[6]));
      const look = vr ? headE.y : r.yaw;
      const body = place.sitting ? place.yaw : followLook(remote.drawn.body, look, dt);
      keep(remote.drawn, place, body);
      if (cull) {
        bodySphere.center.set(place.x, place.base + 0.9, place.z);
        if (!frustum.intersectsSphere(bodySphere)) continue;
      }
      const dx = place.x - camera.position.x;
      const dz = place.z - camera.position.z;
      distances[inView.length] = dx * dx + dz * dz;
      looks[inView.length] = look;
      pitches[inView.length] = vr ? headE.x : 0;
      inView.push(remote);
    }
    // In a big crowd the nearest are drawn in full, the rest in few triangles (crowdDetail.ts).
    const cutoff = detailCutoff(distances, inView.length);
    const lm = lowMeshes.current;
    let low = 0;
    for (let k = 0; k < inView.length; k++) {
      const remote = inView[k]!;
      const r = remote.render;
      placeOn(layout, remote.seat, r.x, r.z, r.yaw, place);
      const look = looks[k]!;
      const pitch = pitches[k]!;
      const body = remote.drawn.body;
      const talking = speaking.includes(remote.id);
      const full = distances[k]! <= cutoff || talking;
      if (full ? n >= capacity : low >= capacity) continue;
      lookColours(colours, remote.look, remote.hue, remote.connected);
      Object.assign(input, {
        x: place.x, z: place.z, base: place.base, bodyYaw: body, headPitch: Math.max(-0.8, Math.min(0.8, pitch)), gait: r.gait,
        sitting: place.sitting, handUp: remote.hand > 0, talking, phase: remote.phase,
      });
      input.headYaw = Math.max(-NECK_TURN, Math.min(NECK_TURN, wrapAngle(look - body)));
      if (full) drawPerson(m, c, n++);
      else drawLow(lm, low++);
    }
    const wanted = world.remotes.size + 1;
    if (wanted > capacity && !growing.current) {
      growing.current = true;
      let next = capacity;
      while (next < wanted) next *= 2;
      setCapacity(next); // rare: only when the crowd outgrows the buffers
    }
    PARTS.forEach((part, k) => {
      const mesh = m[k];
      if (!mesh) return;
      mesh.count = part.name.startsWith('hair-') ? c[k]! : n * part.per;
      // A shape nobody wears is still drawn (one instance, scaled to nothing), so the number of
      // draw calls never depends on who is here.
      if (mesh.count === 0) {
        mesh.setMatrixAt(0, NOTHING);
        mesh.count = 1;
      }
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    });
    LOW_PARTS.forEach((part, k) => {
      const mesh = lm[k];
      if (!mesh) return;
      // As above: never zero instances, so the draw calls stay the same.
      mesh.count = Math.max(1, low * part.per);
      if (low === 0) mesh.setMatrixAt(0, NOTHING);
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    });
  }, -1);

  return (
    <>
      {PARTS.map((part, k) => (
        <instancedMesh
          key={`${part.name}${capacity}`}
          name={`avatar-${part.name}`}
          ref={(mesh: InstancedMesh | null) => { meshes.current[k] = mesh; }}
          args={[part.geometry, undefined, capacity * part.per]}
          castShadow={part.name === 'torso' || part.name === 'head' || part.name === 'thigh' || part.name === 'shin'}
          frustumCulled={false}
        >
          {part.tint
            ? <meshStandardMaterial roughness={part.roughness} vertexColors={part.shaded} />
            : <meshStandardMaterial color="#3a1f1c" roughness={part.roughness} />}
        </instancedMesh>
      ))}
      {LOW_PARTS.map((part, k) => (
        <instancedMesh
          key={`low-${part.name}${capacity}`}
          name={`avatar-low-${part.name}`}
          ref={(mesh: InstancedMesh | null) => { lowMeshes.current[k] = mesh; }}
          args={[part.geometry, undefined, capacity * part.per]}
          castShadow={part.name === 'torso' || part.name === 'head'}
          frustumCulled={false}
        >
          <meshStandardMaterial roughness={part.roughness} vertexColors={part.shaded} />
        </instancedMesh>
      ))}
    </>
  );
}
