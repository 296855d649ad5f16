import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { PerspectiveCamera } from 'three';
import { world, type Drawn } from '../state/world.js';
import { ICON } from './iconAtlas.js';
import { IconCloud } from './iconCloud.js';

const POOL = 96;
const LIFE = 2.2; // seconds
const RISE = 1.7; // metres over a lifetime
const SIZE = 0.36;

interface Spark { alive: boolean; born: number; x: number; y: number; z: number; icon: number; sway: number }

function newPool(): { sparks: Spark[]; next: number } {
  return { sparks: Array.from({ length: POOL }, () => ({ alive: false, born: 0, x: 0, y: 0, z: 0, icon: 0, sway: 0 })), next: 0 };
}

function whereIs(id: string): Drawn | undefined {
  if (id === world.selfId) return world.selfReady ? world.self.drawn : undefined;
  return world.remotes.get(id)?.drawn;
}

/**
 * Reactions float up from the avatars the server sampled, fading as they rise: a fixed pool of
 * sparks in one draw call, however many people react.
 */
export function Reactions() {
  const cloud = useMemo(() => new IconCloud(POOL), []);
  const pool = useMemo(newPool, []);
  useEffect(() => () => cloud.dispose(), [cloud]);
  useFrame((state) => {
    const sparks = pool.sparks;
    const t = state.clock.elapsedTime;
    // New reactions take the oldest slots when the pool is full.
    for (const { id, kind } of world.sparks) {
      const at = whereIs(id);
      if (!at) continue;
      const s = sparks[pool.next]!;
      pool.next = (pool.next + 1) % POOL;
      s.alive = true;
      s.born = t + Math.random() * 0.25; // a little stagger within a burst
      s.x = at.x + (Math.random() - 0.5) * 0.3;
      s.y = at.head + 0.35;
      s.z = at.z + (Math.random() - 0.5) * 0.3;
      s.icon = ICON[kind];
      s.sway = Math.random() * Math.PI * 2;
    }
    world.sparks.length = 0;
    let n = 0;
    for (const s of sparks) {
      if (!s.alive) continue;
      const age = t - s.born;
      if (age > LIFE) {
        s.alive = false;
        continue;
      }
      if (age < 0) continue;
      const k = age / LIFE;
      const alpha = Math.min(1, age / 0.15) * (k > 0.7 ? (1 - k) / 0.3 : 1);
      const sway = Math.sin(s.sway + age * 3) * 0.08;
      cloud.set(n++, s.x + sway, s.y + RISE * (1 - (1 - k) * (1 - k)), s.z, s.icon, SIZE * (0.8 + 0.3 * Math.min(1, age * 4)), alpha);
    }
    cloud.commit(n, state.camera as PerspectiveCamera, state.size.height * state.viewport.dpr);
  });
  return <primitive object={cloud.points} />;
}
