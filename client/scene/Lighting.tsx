import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { useGraphics } from '../state/graphics.js';

export const SUN_POSITION: [number, number, number] = [30, 45, 20];

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

/** Outdoor: sky fill and one shadow-casting sun. Indoor: warm fill and two warm lamps. */
export function Lighting({ layout }: { layout: SpaceLayout }) {
  const b = layout.bounds;
  const extent = Math.max(b.maxX - b.minX, b.maxZ - b.minZ) / 2 + 4;
  const cx = (b.minX + b.maxX) / 2;
  const cz = (b.minZ + b.maxZ) / 2;
  if (layout.setting === 'outdoor') {
    return (
      <>
        <hemisphereLight args={['#dfeaf5', '#8a7f6e', 1.2]} />
        <ShadowSun position={[cx + SUN_POSITION[0], SUN_POSITION[1], cz + SUN_POSITION[2]]} intensity={2.4} color="#fff3e0" extent={extent} far={160} />
      </>
    );
  }
  const span = (b.maxZ - b.minZ) / 4;
  return (
    <>
      <hemisphereLight args={['#fff1dc', '#5a4330', 1.0]} />
      <ShadowSun position={[cx + 8, 30, cz + 12]} intensity={1.1} color="#ffe2bd" extent={extent} far={80} />
      <pointLight position={[cx, 5, cz - span]} intensity={60} distance={40} decay={2} color="#ffcf8a" />
      <pointLight position={[cx, 5, cz + span]} intensity={45} distance={40} decay={2} color="#ffd9a3" />
    </>
  );
}
