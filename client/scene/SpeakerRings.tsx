import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { Object3D, RingGeometry, type InstancedMesh, type MeshBasicMaterial } from 'three';
import { world, type Drawn } from '../state/world.js';
import { motion } from '../state/motion.js';

const MAX_SPEAKERS = 32;
const RING = new RingGeometry(0.42, 0.56, 40).rotateX(-Math.PI / 2);
const scratch = new Object3D();

function place(mesh: InstancedMesh, i: number, d: Drawn): void {
  scratch.position.set(d.x, d.base + 0.025, d.z);
  scratch.updateMatrix();
  mesh.setMatrixAt(i, scratch.matrix);
}

/**
 * A soft glowing ring at the feet of whoever may speak to the room now (hosts on the stage,
 * the floor-mic holder): one instanced mesh.
 */
export function SpeakerRings() {
  const mesh = useRef<InstancedMesh>(null);
  useFrame((state) => {
    const m = mesh.current;
    if (!m) return;
    let n = 0;
    for (const id of world.speakers) {
      if (n >= MAX_SPEAKERS) break;
      if (id === world.selfId) {
        if (world.selfReady) place(m, n++, world.self.drawn);
        continue;
      }
      const remote = world.remotes.get(id);
      if (remote) place(m, n++, remote.drawn);
    }
    m.count = n;
    m.visible = n > 0;
    m.instanceMatrix.needsUpdate = true;
    (m.material as MeshBasicMaterial).opacity = motion.reduced ? 0.65 : 0.55 + 0.2 * Math.sin(state.clock.elapsedTime * 2.2);
  });
  return (
    <instancedMesh ref={mesh} args={[RING, undefined, MAX_SPEAKERS]} frustumCulled={false} renderOrder={2}>
      <meshBasicMaterial color="#ffd98a" transparent opacity={0.6} depthWrite={false} toneMapped={false} />
    </instancedMesh>
  );
}
