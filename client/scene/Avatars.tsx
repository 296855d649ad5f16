import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useRef, useState } from 'react';
import { BoxGeometry, CapsuleGeometry, Color, Object3D, type InstancedMesh } from 'three';
import { sampleRemote } from '../state/interpolation.js';
import { world } from '../state/world.js';
import { avatarColor, bobHeight } from './avatarLook.js';

const BODY = new CapsuleGeometry(0.3, 0.8, 4, 12);
const VISOR = new BoxGeometry(0.36, 0.13, 0.12);
const BODY_CENTRE = 0.7; // capsule: 0.8 + 2 * 0.3 tall, standing on the floor
const VISOR_HEIGHT = 1.2;
const VISOR_FORWARD = 0.26;

const scratch = new Object3D();
const color = new Color();

function placeAvatar(
  b: InstancedMesh, v: InstancedMesh, i: number, t: number,
  x: number, z: number, yaw: number, gait: number, hue: number, connected: boolean, phase: number,
): void {
  const y = bobHeight(gait, t, phase);
  scratch.position.set(x, BODY_CENTRE + y, z);
  scratch.rotation.set(0, yaw, 0);
  scratch.updateMatrix();
  b.setMatrixAt(i, scratch.matrix);
  b.setColorAt(i, avatarColor(color, hue, connected));
  scratch.position.set(x - Math.sin(yaw) * VISOR_FORWARD, VISOR_HEIGHT + y, z - Math.cos(yaw) * VISOR_FORWARD);
  scratch.updateMatrix();
  v.setMatrixAt(i, scratch.matrix);
}

/**
 * Every avatar, ours and everyone else's, in two instanced meshes (body and visor), so draw
 * calls stay the same however many people are here. Remote poses are interpolated here.
 */
export function Avatars() {
  const [capacity, setCapacity] = useState(64);
  const body = useRef<InstancedMesh>(null);
  const visor = useRef<InstancedMesh>(null);
  const growing = useRef(false);

  useLayoutEffect(() => {
    const mesh = body.current;
    if (!mesh) return;
    // Create the per-instance colour attribute before the first draw.
    for (let i = 0; i < capacity; i++) mesh.setColorAt(i, color.setRGB(1, 1, 1));
    growing.current = false;
  }, [capacity]);

  useFrame((state) => {
    const b = body.current;
    const v = visor.current;
    if (!b || !v) return;
    const now = performance.now();
    const t = state.clock.elapsedTime;
    let n = 0;
    if (world.selfReady) {
      const s = world.self;
      placeAvatar(b, v, n++, t, s.render.x, s.render.z, s.render.yaw, s.gait, s.hue, s.connected, 0);
    }
    for (const remote of world.remotes.values()) {
      sampleRemote(remote, now);
      if (n >= capacity) continue;
      const r = remote.render;
      placeAvatar(b, v, n++, t, r.x, r.z, r.yaw, r.gait, remote.hue, remote.connected, remote.phase);
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
    b.instanceMatrix.needsUpdate = true;
    v.instanceMatrix.needsUpdate = true;
    if (b.instanceColor) b.instanceColor.needsUpdate = true;
  }, -1);

  return (
    <>
      <instancedMesh key={`b${capacity}`} ref={body} args={[BODY, undefined, capacity]} castShadow frustumCulled={false}>
        <meshStandardMaterial roughness={0.55} />
      </instancedMesh>
      <instancedMesh key={`v${capacity}`} ref={visor} args={[VISOR, undefined, capacity]} frustumCulled={false}>
        <meshStandardMaterial color="#18212b" roughness={0.25} metalness={0.4} />
      </instancedMesh>
    </>
  );
}
