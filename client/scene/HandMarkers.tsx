import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { PerspectiveCamera } from 'three';
import { world } from '../state/world.js';
import { motion } from '../state/motion.js';
import { ICON } from './iconAtlas.js';
import { IconCloud } from './iconCloud.js';

const MAX_HANDS = 512;
const SIZE = 0.42; // metres
const ABOVE_HEAD = 0.85; // over the name tag
const BOB = 0.04;

/** A raised-hand icon above everyone with a hand up: one draw call for the whole room. */
export function HandMarkers() {
  const cloud = useMemo(() => new IconCloud(MAX_HANDS), []);
  useEffect(() => () => cloud.dispose(), [cloud]);
  useFrame((state) => {
    // Reduced motion: the hands stay still (the bob is only there to catch the eye).
    const t = motion.reduced ? 0 : state.clock.elapsedTime;
    let n = 0;
    if (world.selfReady && world.self.hand > 0) {
      const d = world.self.drawn;
      cloud.set(n++, d.x, d.head + ABOVE_HEAD + Math.sin(t * 2.4) * BOB, d.z, ICON.hand, SIZE, 1);
    }
    for (const remote of world.remotes.values()) {
      if (remote.hand <= 0 || n >= MAX_HANDS) continue;
      const d = remote.drawn;
      cloud.set(n++, d.x, d.head + ABOVE_HEAD + (motion.reduced ? 0 : Math.sin(t * 2.4 + remote.phase) * BOB), d.z, ICON.hand, SIZE, remote.connected ? 1 : 0.5);
    }
    cloud.commit(n, state.camera as PerspectiveCamera, state.size.height * state.viewport.dpr);
  });
  return <primitive object={cloud.points} />;
}
