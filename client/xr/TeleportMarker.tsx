import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { MeshBasicMaterial, RingGeometry, type Mesh } from 'three';
import { world } from '../state/world.js';

const RING = new RingGeometry(0.22, 0.3, 32).rotateX(-Math.PI / 2);
const ALLOWED = new MeshBasicMaterial({ color: '#3ddc97', transparent: true, opacity: 0.85, depthWrite: false });
const REFUSED = new MeshBasicMaterial({ color: '#e5484d', transparent: true, opacity: 0.85, depthWrite: false });
/** The marker shows while a ray has touched the floor this recently (ms). */
const SHOW_FOR_MS = 150;

/** Where a controller's ray meets the floor: green where a teleport is allowed, red where not. */
export function TeleportMarker() {
  const mesh = useRef<Mesh>(null);
  useFrame(() => {
    const m = mesh.current;
    if (!m) return;
    const f = world.xr.floor;
    m.visible = performance.now() - f.at < SHOW_FOR_MS;
    if (!m.visible) return;
    m.position.set(f.x, 0.03, f.z);
    m.material = f.ok ? ALLOWED : REFUSED;
  });
  return <mesh ref={mesh} name="vr-teleport-marker" geometry={RING} material={ALLOWED} visible={false} raycast={() => undefined} renderOrder={2} />;
}
