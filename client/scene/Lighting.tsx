import { useMemo } from 'react';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { useGraphics } from '../state/graphics.js';
import { lightRig } from './lightRig.js';

/** One directional light whose shadow camera covers the whole space (casting shadows on the high graphics tier). */
function ShadowSun({ position, intensity, color, extent, far }: {
  position: [number, number, number]; intensity: number; color: string; extent: number; far: number;
}) {
  const shadows = useGraphics((s) => s.settings.shadows);
  return (
    <directionalLight
      position={position}
      intensity={intensity}
      color={color}
      castShadow={shadows}
      shadow-mapSize={[1024, 1024]}
      shadow-bias={-0.0005}
      shadow-normalBias={0.03}
      shadow-camera-left={-extent}
      shadow-camera-right={extent}
      shadow-camera-top={extent}
      shadow-camera-bottom={-extent}
      shadow-camera-near={1}
      shadow-camera-far={far}
    />
  );
}

/**
 * Outdoor: sky fill and one shadow-casting sun. Indoor: warm fill, a warm sun and two warm lamps
 * (client/scene/lightRig.ts). The low tier adds the rig's even fill as an ambient light.
 */
export function Lighting({ layout }: { layout: SpaceLayout }) {
  const b = layout.bounds;
  const extent = Math.max(b.maxX - b.minX, b.maxZ - b.minZ) / 2 + 4;
  const { hemisphere: h, sun, lamps, fill } = useMemo(() => lightRig(layout), [layout]);
  const high = useGraphics((s) => s.settings.tier === 'high');
  return (
    <>
      {/* The high tier's environment map lights from all round; the low tier gets even light instead. */}
      {!high && <ambientLight intensity={fill} />}
      <hemisphereLight args={[h.sky, h.ground, h.intensity]} />
      <ShadowSun position={sun.position} intensity={sun.intensity} color={sun.color} extent={extent} far={layout.setting === 'outdoor' ? 160 : 80} />
      {lamps.map((l, i) => (
        <pointLight key={i} position={l.position} intensity={l.intensity} distance={l.distance} decay={l.decay} color={l.color} />
      ))}
    </>
  );
}
