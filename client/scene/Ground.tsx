import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { walkTo } from '../input/controls.js';
import { vrFloor } from '../state/vr.js';
import { world } from '../state/world.js';
import { makeFloorTexture, PATTERN_METRES } from './floorTexture.js';
import { isPlainClick } from './plainClick.js';

function onFloorClick(e: ThreeEvent<MouseEvent>): void {
  e.stopPropagation();
  if (!isPlainClick(e)) return;
  // In VR, pointing at the floor and pulling the trigger asks to teleport there (no walk: a
  // glide the person did not make would be forced camera motion).
  if (world.xr.presenting) vrFloor.pick?.(e.point.x, e.point.z);
  else walkTo(e.point.x, e.point.z);
}

function onFloorPoint(e: ThreeEvent<PointerEvent>): void {
  if (world.xr.presenting) vrFloor.point?.(e.point.x, e.point.z);
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
      <mesh rotation-x={-Math.PI / 2} position={[cx, 0, cz]} receiveShadow onClick={onFloorClick} onPointerMove={onFloorPoint}>
        <planeGeometry args={[width, depth]} />
        <meshStandardMaterial map={texture} roughness={0.92} />
      </mesh>
      <mesh rotation-x={-Math.PI / 2} position={[cx, -0.02, cz]} receiveShadow={outdoor} onClick={onFloorClick} onPointerMove={onFloorPoint}>
        <planeGeometry args={[width + 240, depth + 240]} />
        <meshStandardMaterial color={outdoor ? '#7f9a66' : '#2f2821'} roughness={1} />
      </mesh>
    </>
  );
}
