import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { walkTo } from '../input/controls.js';
import { makeFloorTexture, PATTERN_METRES } from './floorTexture.js';

/** A press that moved further than this (CSS px) was a drag to look, not a click. */
const CLICK_SLOP_PX = 6;

function onFloorClick(e: ThreeEvent<MouseEvent>): void {
  e.stopPropagation();
  if (e.delta > CLICK_SLOP_PX || e.button !== 0) return;
  walkTo(e.point.x, e.point.z);
}

/** The walkable floor (patterned) and a plain surround beyond the bounds. Clicking walks there. */
export function Ground({ layout }: { layout: SpaceLayout }) {
  const b = layout.bounds;
  const width = b.maxX - b.minX;
  const depth = b.maxZ - b.minZ;
  const cx = (b.minX + b.maxX) / 2;
  const cz = (b.minZ + b.maxZ) / 2;
  const texture = useMemo(() => {
    const t = makeFloorTexture(layout.floorColor, layout.kind === 'townhall' ? 'boards' : 'paving');
    t.repeat.set(width / PATTERN_METRES, depth / PATTERN_METRES);
    return t;
  }, [layout.floorColor, layout.kind, width, depth]);
  useEffect(() => () => texture.dispose(), [texture]);
  const outdoor = layout.setting === 'outdoor';
  return (
    <>
      <mesh rotation-x={-Math.PI / 2} position={[cx, 0, cz]} receiveShadow onClick={onFloorClick}>
        <planeGeometry args={[width, depth]} />
        <meshStandardMaterial map={texture} roughness={0.92} />
      </mesh>
      <mesh rotation-x={-Math.PI / 2} position={[cx, -0.02, cz]} receiveShadow={outdoor} onClick={onFloorClick}>
        <planeGeometry args={[width + 240, depth + 240]} />
        <meshStandardMaterial color={outdoor ? '#7f9a66' : '#2f2821'} roughness={1} />
      </mesh>
    </>
  );
}
