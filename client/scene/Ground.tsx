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
      {layout.paths.map((p, i) => {
        const length = Math.hypot(p.x2 - p.x1, p.z2 - p.z1);
        return (
          // Flat on the floor, drawn over it (polygon offset: no flicker), never in the way of a click.
          <group key={i} position={[(p.x1 + p.x2) / 2, 0.004, (p.z1 + p.z2) / 2]} rotation-y={Math.atan2(-(p.z2 - p.z1), p.x2 - p.x1)}>
            <mesh rotation-x={-Math.PI / 2} receiveShadow raycast={() => null}>
              <planeGeometry args={[length, p.w]} />
              <meshStandardMaterial color={p.color ?? '#9b9284'} roughness={0.9} polygonOffset polygonOffsetFactor={-1} polygonOffsetUnits={-1} />
            </mesh>
          </group>
        );
      })}
      <mesh rotation-x={-Math.PI / 2} position={[cx, -0.02, cz]} receiveShadow={outdoor} onClick={onFloorClick} onPointerMove={onFloorPoint}>
        <planeGeometry args={[width + 240, depth + 240]} />
        <meshStandardMaterial color={outdoor ? '#7f9a66' : '#2f2821'} roughness={1} />
      </mesh>
    </>
  );
}
