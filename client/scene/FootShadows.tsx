import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useRef, useState } from 'react';
import { Matrix4, PlaneGeometry, type InstancedMesh } from 'three';
import { world, type Drawn } from '../state/world.js';
import { lightPoolTexture } from './lightPool.js';

/** A flat disc on the floor, facing up. */
const DISC = new PlaneGeometry(1, 1).rotateX(-Math.PI / 2);
/** Across, metres: a standing person's feet, a seated person's chair. */
const STANDING = 0.95;
const SITTING = 0.8;
const LIFT = 0.015;
const NOTHING = new Matrix4().makeScale(0, 0, 0);
const m = new Matrix4();

function put(mesh: InstancedMesh, i: number, d: Drawn): void {
  // A seated person's head is lower over the same base: a smaller, tighter shadow.
  const size = d.head - d.base < 1.7 ? SITTING : STANDING;
  m.makeScale(size, 1, size).setPosition(d.x, d.base + LIFT, d.z);
  mesh.setMatrixAt(i, m);
}

/**
 * Contact shadows: a soft dark disc under every person, on whatever they stand or sit on (cheap
 * ambient occlusion that grounds people on both tiers; the low tier has no shadow maps). One
 * instanced mesh for everyone, so draw calls do not depend on how many are here. Positions are
 * where <Avatars> drew each person this frame.
 */
export function FootShadows() {
  const [capacity, setCapacity] = useState(64);
  const mesh = useRef<InstancedMesh>(null);
  const growing = useRef(false);
  useFrame(() => {
    const mm = mesh.current;
    if (!mm) return;
    let n = 0;
    if (world.selfReady && !world.xr.presenting) put(mm, n++, world.self.drawn);
    for (const remote of world.remotes.values()) {
      if (n >= capacity) break;
      put(mm, n++, remote.drawn);
    }
    if (world.remotes.size + 1 > capacity && !growing.current) {
      growing.current = true;
      setCapacity(capacity * 2);
    }
    if (n === 0) mm.setMatrixAt(n++, NOTHING); // drawn all the same: draw calls never depend on who is here
    mm.count = n;
    mm.instanceMatrix.needsUpdate = true;
  }, -1);
  useLayoutEffect(() => {
    growing.current = false;
  }, [capacity]);
  return (
    <instancedMesh key={capacity} ref={mesh} args={[DISC, undefined, capacity]} frustumCulled={false} renderOrder={1} raycast={() => null}>
      <meshBasicMaterial map={lightPoolTexture()} color="#000000" transparent opacity={0.38} depthWrite={false} polygonOffset polygonOffsetFactor={-2} polygonOffsetUnits={-2} />
    </instancedMesh>
  );
}
