import { useMemo } from 'react';
import { AdditiveBlending } from 'three';
import type { Box, SpaceLayout } from '../../shared/spaces/layout.js';
import { useGraphics } from '../state/graphics.js';
import { lightPoolTexture } from './lightPool.js';

interface Pool { x: number; y: number; z: number; w: number; d: number; strength: number; color: string; wash?: boolean }
interface Spot { x: number; y: number; z: number; tx: number; ty: number; tz: number; intensity: number; angle: number }

/**
 * Where the light falls, read from the layout document (the same one collision reads): the stage
 * of a town hall, the plinths and display walls of an exhibition hall. Boxes inside the room's
 * walls that are lower than them are display walls; furniture in a hall is a stand.
 */
export function lightsFor(layout: SpaceLayout): { pools: Pool[]; spots: Spot[]; ceiling: number } {
  const pools: Pool[] = [];
  const spots: Spot[] = [];
  const walls = layout.boxes.filter((b) => b.kind === 'wall');
  const ceiling = layout.setting === 'indoor' ? Math.max(0, ...walls.map((b) => b.h)) : 0;
  if (layout.kind === 'townhall') {
    for (const s of layout.boxes.filter((b) => b.kind === 'stage')) {
      pools.push({ x: s.x, y: s.h + 0.01, z: s.z, w: s.w * 0.9, d: s.d * 1.5, strength: 0.5, color: '#ffd9a0' });
      spots.push({ x: s.x, y: ceiling - 0.3, z: s.z + s.d * 1.4, tx: s.x, ty: s.h, tz: s.z, intensity: 160, angle: 0.6 });
    }
  }
  if (layout.kind === 'hall') {
    const isStand = (b: Box) => b.kind === 'furniture';
    const isDisplay = (b: Box) => b.kind === 'wall' && b.h < ceiling - 0.5;
    for (const b of layout.boxes.filter(isStand)) {
      pools.push({ x: b.x, y: 0.012, z: b.z, w: 3.2, d: 3.2, strength: 0.55, color: '#fff1d6' });
      spots.push({ x: b.x + 1.2, y: ceiling - 0.2, z: b.z + 1.2, tx: b.x, ty: b.h, tz: b.z, intensity: 60, angle: 0.42 });
    }
    for (const b of layout.boxes.filter(isDisplay)) {
      // A wash of light on the floor along both faces of a display wall.
      const alongX = b.w >= b.d;
      for (const side of [-1, 1]) {
        const off = (alongX ? b.d : b.w) / 2 + 0.9;
        pools.push({
          x: b.x + (alongX ? 0 : side * off), y: 0.011, z: b.z + (alongX ? side * off : 0),
          w: alongX ? b.w : 2.2, d: alongX ? 2.2 : b.d, strength: 0.35, color: '#fff6e6', wash: true,
        });
      }
    }
  }
  return { pools, spots, ceiling };
}

/**
 * A venue's finishing: a ceiling over indoor rooms (no dark void overhead), soft pools of light
 * on the stage, the stands and along the display walls (additive decals: a good look on the low
 * tier too), and, on the high tier, spotlights that really light them.
 */
export function Venue({ layout }: { layout: SpaceLayout }) {
  const high = useGraphics((s) => s.settings.tier === 'high');
  const { pools, spots, ceiling } = useMemo(() => lightsFor(layout), [layout]);
  const b = layout.bounds;
  const texture = lightPoolTexture();
  return (
    <>
      {ceiling > 0 && (
        <mesh rotation-x={Math.PI / 2} position={[(b.minX + b.maxX) / 2, ceiling, (b.minZ + b.maxZ) / 2]}>
          <planeGeometry args={[b.maxX - b.minX, b.maxZ - b.minZ]} />
          {/* Lit from below by the room's fill, a ceiling reads dark: it glows a little, like a lit one. */}
          <meshStandardMaterial color={layout.kind === 'townhall' ? '#cdbb9f' : '#e9e6e0'} emissive={layout.kind === 'townhall' ? '#5e5040' : '#6d6a64'} roughness={0.95} />
        </mesh>
      )}
      {/* The long washes along display walls cover much floor: high tier only (software renderers pay per pixel). */}
      {pools.filter((p) => high || !p.wash).map((p, i) => (
        <mesh key={`pool${i}`} rotation-x={-Math.PI / 2} position={[p.x, p.y, p.z]} renderOrder={1}>
          <planeGeometry args={[p.w, p.d]} />
          <meshBasicMaterial map={texture} color={p.color} transparent opacity={p.strength} blending={AdditiveBlending} depthWrite={false} toneMapped={false} />
        </mesh>
      ))}
      {high && spots.map((s, i) => (
        <spotLight
          key={`spot${i}`}
          position={[s.x, s.y, s.z]}
          intensity={s.intensity}
          angle={s.angle}
          penumbra={0.6}
          decay={1.6}
          distance={30}
          color="#ffe7c4"
          target-position={[s.tx, s.ty, s.tz]}
        />
      ))}
    </>
  );
}
