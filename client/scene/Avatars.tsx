import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useRef, useState } from 'react';
import { BoxGeometry, CapsuleGeometry, Color, Object3D, type InstancedMesh } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { sampleRemote } from '../state/interpolation.js';
import { world, type Drawn } from '../state/world.js';
import { avatarColor, bobHeight } from './avatarLook.js';
import { CHAIR_SEAT, newPlacement, placeOn, type Placement } from './avatarPlace.js';

const BODY = new CapsuleGeometry(0.3, 0.8, 4, 12);
const VISOR = new BoxGeometry(0.36, 0.13, 0.12);
const BODY_CENTRE = 0.7; // capsule: 0.8 + 2 * 0.3 tall, standing on the floor
const VISOR_HEIGHT = 1.2;
const VISOR_FORWARD = 0.26;
/** Seated, the body is shorter (folded at the hips) and its centre sits above the chair's seat. */
const SITTING_SCALE = 0.74;
const SITTING_CENTRE = CHAIR_SEAT + BODY_CENTRE * SITTING_SCALE - 0.02;

/** Thighs forward from the hips and shins down to the floor, in one geometry (origin at the hips, facing -z). */
const LEGS = (() => {
  const thighs = new BoxGeometry(0.48, 0.16, 0.46).translate(0, 0.06, -0.2);
  const shins = new BoxGeometry(0.44, 0.42, 0.15).translate(0, -0.2, -0.37);
  const merged = mergeGeometries([thighs, shins]);
  thighs.dispose();
  shins.dispose();
  return merged;
})();

const scratch = new Object3D();
const color = new Color();
const place: Placement = newPlacement();

function keep(drawn: Drawn, p: Placement): void {
  drawn.x = p.x;
  drawn.z = p.z;
  drawn.base = p.base;
  drawn.head = p.head;
}

interface Meshes { body: InstancedMesh; visor: InstancedMesh; legs: InstancedMesh }

/** Draw one avatar as instance i (and, seated, as legs instance `leg`); returns how many legs were used. */
function drawAvatar(m: Meshes, i: number, leg: number, t: number, p: Placement, gait: number, hue: number, connected: boolean, phase: number): number {
  const sin = Math.sin(p.yaw);
  const cos = Math.cos(p.yaw);
  avatarColor(color, hue, connected);
  m.body.setColorAt(i, color);
  if (p.sitting) {
    scratch.position.set(p.x, p.base + SITTING_CENTRE, p.z);
    scratch.rotation.set(0, p.yaw, 0);
    scratch.scale.set(1, SITTING_SCALE, 1);
    scratch.updateMatrix();
    m.body.setMatrixAt(i, scratch.matrix);
    scratch.scale.set(1, 1, 1);
    scratch.position.set(p.x - sin * VISOR_FORWARD, p.base + CHAIR_SEAT + (VISOR_HEIGHT - 0.02) * SITTING_SCALE, p.z - cos * VISOR_FORWARD);
    scratch.updateMatrix();
    m.visor.setMatrixAt(i, scratch.matrix);
    scratch.position.set(p.x, p.base + CHAIR_SEAT, p.z);
    scratch.updateMatrix();
    m.legs.setMatrixAt(leg, scratch.matrix);
    m.legs.setColorAt(leg, color.multiplyScalar(0.7));
    return 1;
  }
  const y = p.base + bobHeight(gait, t, phase);
  scratch.position.set(p.x, BODY_CENTRE + y, p.z);
  scratch.rotation.set(0, p.yaw, 0);
  scratch.updateMatrix();
  m.body.setMatrixAt(i, scratch.matrix);
  scratch.position.set(p.x - sin * VISOR_FORWARD, VISOR_HEIGHT + y, p.z - cos * VISOR_FORWARD);
  scratch.updateMatrix();
  m.visor.setMatrixAt(i, scratch.matrix);
  return 0;
}

/**
 * Every avatar, ours and everyone else's, in three instanced meshes (body, visor, and the legs
 * of those seated), so draw calls stay the same however many people are here. Remote poses are
 * interpolated here; seated people are drawn on their seat, people on a stage on top of it.
 * Each avatar's floor and head heights are left in the world state for tags and markers.
 */
export function Avatars() {
  const [capacity, setCapacity] = useState(64);
  const body = useRef<InstancedMesh>(null);
  const visor = useRef<InstancedMesh>(null);
  const legs = useRef<InstancedMesh>(null);
  const growing = useRef(false);

  useLayoutEffect(() => {
    // Create the per-instance colour attributes before the first draw.
    for (const mesh of [body.current, legs.current]) {
      if (!mesh) continue;
      for (let i = 0; i < capacity; i++) mesh.setColorAt(i, color.setRGB(1, 1, 1));
    }
    growing.current = false;
  }, [capacity]);

  useFrame((state) => {
    const b = body.current;
    const v = visor.current;
    const l = legs.current;
    if (!b || !v || !l) return;
    const m: Meshes = { body: b, visor: v, legs: l };
    const layout = world.layout;
    const now = performance.now();
    const t = state.clock.elapsedTime;
    let n = 0;
    let seated = 0;
    if (world.selfReady) {
      const s = world.self;
      // Locked in place (a seat, the floor mic), the body faces where the server turned it;
      // the view may still look around.
      placeOn(layout, s.seat, s.render.x, s.render.z, s.locked ? s.server.yaw : s.render.yaw, place);
      keep(s.drawn, place);
      // In VR the camera is our own eyes: drawing our own body would put us inside it.
      if (!world.xr.presenting) seated += drawAvatar(m, n++, seated, t, place, s.gait, s.hue, s.connected, 0);
    }
    for (const remote of world.remotes.values()) {
      sampleRemote(remote, now);
      const r = remote.render;
      placeOn(layout, remote.seat, r.x, r.z, r.yaw, place);
      keep(remote.drawn, place);
      if (n >= capacity) continue;
      seated += drawAvatar(m, n++, seated, t, place, r.gait, remote.hue, remote.connected, remote.phase);
    }
    const wanted = world.remotes.size + 1;
    if (wanted > capacity && !growing.current) {
      growing.current = true;
      let next = capacity;
      while (next < wanted) next *= 2;
      setCapacity(next); // rare: only when the crowd outgrows the buffers
    }
    b.count = n;
    v.count = n;
    l.count = seated;
    b.instanceMatrix.needsUpdate = true;
    v.instanceMatrix.needsUpdate = true;
    l.instanceMatrix.needsUpdate = true;
    if (b.instanceColor) b.instanceColor.needsUpdate = true;
    if (l.instanceColor) l.instanceColor.needsUpdate = true;
  }, -1);

  return (
    <>
      <instancedMesh key={`b${capacity}`} ref={body} args={[BODY, undefined, capacity]} castShadow frustumCulled={false}>
        <meshStandardMaterial roughness={0.55} />
      </instancedMesh>
      <instancedMesh key={`v${capacity}`} ref={visor} args={[VISOR, undefined, capacity]} frustumCulled={false}>
        <meshStandardMaterial color="#18212b" roughness={0.25} metalness={0.4} />
      </instancedMesh>
      <instancedMesh key={`l${capacity}`} ref={legs} args={[LEGS, undefined, capacity]} frustumCulled={false}>
        <meshStandardMaterial roughness={0.6} />
      </instancedMesh>
    </>
  );
}
