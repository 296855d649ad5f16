import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { BoxGeometry, MeshStandardMaterial, Object3D, SphereGeometry, type InstancedMesh } from 'three';
import { VR_POSE_TTL_MS, type PackedPart } from '../../shared/protocol/vr.js';
import { remoteVrPoses } from '../state/vr.js';
import { world } from '../state/world.js';

/** At most this many VR visitors' heads and hands are drawn (the nearest, as the server sends). */
const CAPACITY = 48;
const HEADSET = new BoxGeometry(0.2, 0.11, 0.1);
const HAND = new SphereGeometry(0.055, 12, 8);
const HEADSET_LOOK = new MeshStandardMaterial({ color: '#1e2430', roughness: 0.35 });
const HAND_LOOK = new MeshStandardMaterial({ color: '#f1d7c2', roughness: 0.6 });
/** Each frame, drawn parts move this share of the way to the latest pose (10 Hz updates, smoothly). */
const FOLLOW_RATE = 18;

const scratch = new Object3D();
const target = new Object3D();
/** The pose drawn last frame per person and part, to ease towards the newest one. */
const drawn = new Map<string, Object3D>();

function place(mesh: InstancedMesh, i: number, key: string, part: PackedPart, ox: number, oy: number, oz: number, k: number): void {
  target.position.set(ox + part[0], oy + part[1], oz + part[2]);
  target.quaternion.set(part[3], part[4], part[5], part[6]);
  let d = drawn.get(key);
  if (!d) {
    d = new Object3D();
    d.position.copy(target.position);
    d.quaternion.copy(target.quaternion);
    drawn.set(key, d);
  } else {
    d.position.lerp(target.position, k);
    d.quaternion.slerp(target.quaternion, k);
  }
  scratch.position.copy(d.position);
  scratch.quaternion.copy(d.quaternion);
  scratch.updateMatrix();
  mesh.setMatrixAt(i, scratch.matrix);
}

/**
 * The head and hands of VR visitors near us, on top of their avatars (desktop avatars stay as
 * they are). Poses arrive relative to the avatar, so they ride on its interpolated position.
 */
export function VrBodies() {
  const heads = useRef<InstancedMesh>(null);
  const hands = useRef<InstancedMesh>(null);
  useFrame((_, delta) => {
    const h = heads.current;
    const g = hands.current;
    if (!h || !g) return;
    const now = performance.now();
    const k = 1 - Math.exp(-Math.min(delta, 0.1) * FOLLOW_RATE);
    let nh = 0;
    let ng = 0;
    for (const [id, pose] of remoteVrPoses) {
      const remote = world.remotes.get(id);
      if (!remote || now - pose.at > VR_POSE_TTL_MS) {
        remoteVrPoses.delete(id);
        drawn.delete(`${id}:h`);
        drawn.delete(`${id}:l`);
        drawn.delete(`${id}:r`);
        continue;
      }
      if (nh >= CAPACITY) break;
      const { x, z, base } = remote.drawn;
      place(h, nh++, `${id}:h`, pose.head, x, base, z, k);
      if (pose.left) place(g, ng++, `${id}:l`, pose.left, x, base, z, k);
      if (pose.right) place(g, ng++, `${id}:r`, pose.right, x, base, z, k);
    }
    h.count = nh;
    g.count = ng;
    h.instanceMatrix.needsUpdate = true;
    g.instanceMatrix.needsUpdate = true;
  });
  return (
    <>
      <instancedMesh ref={heads} args={[HEADSET, HEADSET_LOOK, CAPACITY]} count={0} frustumCulled={false} name="vr-heads" />
      <instancedMesh ref={hands} args={[HAND, HAND_LOOK, CAPACITY * 2]} count={0} frustumCulled={false} name="vr-hands" />
    </>
  );
}
