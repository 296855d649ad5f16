import { useMemo } from 'react';
import { AdditiveBlending, Color } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { useGraphics } from '../state/graphics.js';
import { lightPoolTexture } from './lightPool.js';
import { irradiance, lightRig, prepareRig } from './lightRig.js';
import { lightsFor, ON_FLOOR } from './lightsFor.js';

/** A ceiling's colour and glow (lit from below by the room's fill, a ceiling reads dark: it glows a little, like a lit one). */
function ceilingLook(layout: SpaceLayout) {
  return layout.kind === 'townhall' ? { color: '#cdbb9f', emissive: '#5e5040' } : { color: '#e9e6e0', emissive: '#6d6a64' };
}

/** What the high tier's lit ceiling shows, as one flat colour for the low tier's unlit one. */
export function bakedCeiling(layout: SpaceLayout, height: number): Color {
  const look = ceilingLook(layout);
  const b = layout.bounds;
  const e = irradiance(prepareRig(lightRig(layout)), [(b.minX + b.maxX) / 2, height, (b.minZ + b.maxZ) / 2], [0, -1, 0], new Color());
  return new Color(look.color).multiply(e.multiplyScalar(1 / Math.PI)).add(new Color(look.emissive));
}

/** The top of a doorway's glowing frame (client/scene/Portals.tsx): a lintel closes the wall above it. */
const DOOR_TOP = 3.0;
const WALL = 0.42;

/** Where a wall above an indoor door would be open to the void up to the ceiling: one block per door in an outer wall. */
export function lintelsFor(layout: SpaceLayout, ceiling: number): { x: number; z: number; w: number; d: number; y: number; h: number; normal: [number, number, number] }[] {
  if (ceiling <= DOOR_TOP) return [];
  const b = layout.bounds;
  const near = 1.5;
  const out: ReturnType<typeof lintelsFor> = [];
  for (const p of layout.portals) {
    const span = (Math.abs(Math.sin(p.facing)) > 0.5 ? p.d : p.w) + 0.3;
    const y = DOOR_TOP;
    const h = ceiling - DOOR_TOP;
    if (Math.abs(p.z - b.maxZ) < near) out.push({ x: p.x, z: b.maxZ - 0.2, w: span, d: WALL, y, h, normal: [0, 0, -1] });
    else if (Math.abs(p.z - b.minZ) < near) out.push({ x: p.x, z: b.minZ + 0.2, w: span, d: WALL, y, h, normal: [0, 0, 1] });
    else if (Math.abs(p.x - b.maxX) < near) out.push({ x: b.maxX - 0.2, z: p.z, w: WALL, d: span, y, h, normal: [-1, 0, 0] });
    else if (Math.abs(p.x - b.minX) < near) out.push({ x: b.minX + 0.2, z: p.z, w: WALL, d: span, y, h, normal: [1, 0, 0] });
  }
  return out;
}

function Lintels({ layout, ceiling, high }: { layout: SpaceLayout; ceiling: number; high: boolean }) {
  const color = layout.boxes.find((box) => box.kind === 'wall')?.color ?? '#ece5d8';
  const lintels = useMemo(() => lintelsFor(layout, ceiling).map((l) => {
    // The low tier's unlit colour: the wall's colour in the rig's light, as its walls are baked.
    const e = irradiance(prepareRig(lightRig(layout)), [l.x, l.y + l.h / 2, l.z], l.normal, new Color());
    return { ...l, flat: new Color(color).multiply(e.multiplyScalar(1 / Math.PI)) };
  }), [layout, ceiling, color]);
  return (
    <>
      {lintels.map((l, i) => (
        <mesh key={i} position={[l.x, l.y + l.h / 2, l.z]}>
          <boxGeometry args={[l.w, l.h, l.d]} />
          {high ? <meshStandardMaterial color={color} roughness={0.85} /> : <meshBasicMaterial color={l.flat} />}
        </mesh>
      ))}
    </>
  );
}

/**
 * A venue's finishing: a ceiling over indoor rooms (no dark void overhead), soft pools of light
 * on the stage, the stands and along the display walls, and, on the high tier, spotlights that
 * really light them. The high tier draws the pools as additive decals; the low tier has the floor's
 * pools baked into the floor (client/scene/floorBake.ts) and an unlit ceiling of the same colour,
 * so it pays for no transparent layer over the floor and no lighting overhead.
 */
export function Venue({ layout }: { layout: SpaceLayout }) {
  const high = useGraphics((s) => s.settings.tier === 'high');
  const { pools, spots, ceiling } = useMemo(() => lightsFor(layout), [layout]);
  const b = layout.bounds;
  const texture = lightPoolTexture();
  const look = ceilingLook(layout);
  const flat = useMemo(() => bakedCeiling(layout, ceiling), [layout, ceiling]);
  return (
    <>
      {ceiling > 0 && (
        <mesh rotation-x={Math.PI / 2} position={[(b.minX + b.maxX) / 2, ceiling, (b.minZ + b.maxZ) / 2]}>
          <planeGeometry args={[b.maxX - b.minX, b.maxZ - b.minZ]} />
          {high
            ? <meshStandardMaterial color={look.color} emissive={look.emissive} roughness={0.95} />
            : <meshBasicMaterial color={flat} />}
        </mesh>
      )}
      <Lintels layout={layout} ceiling={ceiling} high={high} />
      {pools.filter((p) => high || p.y >= ON_FLOOR).map((p, i) => (
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
