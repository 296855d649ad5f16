import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { AdditiveBlending, Color, Object3D, RingGeometry, type InstancedMesh } from 'three';
import { useVoice } from '../state/voice.js';
import { world, type Drawn } from '../state/world.js';
import { motion } from '../state/motion.js';

/** Two ripples per talking avatar, each spreading out and fading over one period. */
const RIPPLES = 2;
const MAX_TALKING = 24;
const PERIOD_S = 1.3;
const SPREAD = 0.8;
const STRENGTH = 0.35;
/** How fast the ripples come in when someone starts talking and die away when they stop (per second). */
const EASE_IN = 8;
const EASE_OUT = 2.5;
const RING = new RingGeometry(0.6, 0.65, 48).rotateX(-Math.PI / 2);
const TINT = new Color('#7fd8ff');
const COLOURS = new Float32Array(MAX_TALKING * RIPPLES * 3);
const scratch = new Object3D();
const color = new Color();

/** How present each voice's ripples are now, 0..1: eased toward 1 while talking, to 0 after. */
const presence = new Map<string, number>();

function drawnOf(id: string): Drawn | undefined {
  if (id === world.selfId) return world.selfReady ? world.self.drawn : undefined;
  return world.remotes.get(id)?.drawn;
}

/**
 * Soft ripples spreading over the floor from whoever is talking (LiveKit's active speakers):
 * one additive instanced mesh, each instance's colour carrying its fade.
 */
export function SpeakingRipples() {
  const mesh = useRef<InstancedMesh>(null);
  useFrame((state, delta) => {
    const m = mesh.current;
    if (!m) return;
    const talking = useVoice.getState().speaking;
    const dt = Math.min(delta, 0.1);
    for (const id of talking) if (!presence.has(id)) presence.set(id, 0);
    // Reduced motion: a still ring at the avatar's feet instead of ripples spreading out.
    const still = motion.reduced;
    const t = state.clock.elapsedTime / PERIOD_S;
    let n = 0;
    for (const [id, was] of presence) {
      const on = talking.includes(id);
      const now = on ? was + (1 - was) * (1 - Math.exp(-dt * EASE_IN)) : was * Math.exp(-dt * EASE_OUT);
      const at = drawnOf(id);
      if ((!on && now < 0.02) || !at) {
        presence.delete(id);
        continue;
      }
      presence.set(id, now);
      for (let k = 0; k < (still ? 1 : RIPPLES) && n < MAX_TALKING * RIPPLES; k++) {
        const phase = still ? 0.25 : (t + k / RIPPLES) % 1;
        scratch.position.set(at.x, at.base + 0.03, at.z);
        scratch.scale.setScalar(1 + phase * SPREAD);
        scratch.updateMatrix();
        m.setMatrixAt(n, scratch.matrix);
        m.setColorAt(n, color.copy(TINT).multiplyScalar(now * STRENGTH * (1 - phase) ** 1.5));
        n++;
      }
    }
    m.count = n;
    m.visible = n > 0;
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
  });
  return (
    <instancedMesh ref={mesh} args={[RING, undefined, MAX_TALKING * RIPPLES]} frustumCulled={false} renderOrder={3} visible={false}>
      <instancedBufferAttribute attach="instanceColor" args={[COLOURS, 3]} />
      <meshBasicMaterial color="#ffffff" transparent depthWrite={false} blending={AdditiveBlending} toneMapped={false} />
    </instancedMesh>
  );
}
