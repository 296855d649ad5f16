import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Path as FloorHole, Shape, ShapeGeometry } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { walkTo } from '../input/controls.js';
import { useGraphics } from '../state/graphics.js';
import { vrFloor } from '../state/vr.js';
import { world } from '../state/world.js';
import { bakedTexture, floorAoCanvas, floorLightCanvas } from './floorBake.js';
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

/** A frame around the floor out to `margin` beyond it, overlapping its edge by `overlap` (no pixel drawn twice under the floor). */
function surround(width: number, depth: number, margin: number, overlap: number): ShapeGeometry {
  const w = width / 2 + margin;
  const d = depth / 2 + margin;
  const outer = new Shape().moveTo(-w, -d).lineTo(w, -d).lineTo(w, d).lineTo(-w, d).lineTo(-w, -d);
  const iw = width / 2 - overlap;
  const id = depth / 2 - overlap;
  outer.holes.push(new FloorHole().moveTo(-iw, -id).lineTo(-iw, id).lineTo(iw, id).lineTo(iw, -id).lineTo(-iw, -id));
  return new ShapeGeometry(outer);
}

/**
 * The walkable floor (patterned) and a plain surround beyond the bounds. Clicking walks there.
 * Its occlusion (client/scene/floorBake.ts) darkens it at the foot of walls, furniture and trees.
 * The high tier lights the floor and draws the paths over it; the low tier draws it unlit with its
 * light, pools, paths and occlusion baked into one light map (one draw, nothing over it).
 */
export function Ground({ layout }: { layout: SpaceLayout }) {
  const high = useGraphics((s) => s.settings.tier === 'high');
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
  const ao = useMemo(() => floorAoCanvas(layout), [layout]);
  const baked = useMemo(() => {
    if (high) return { ao: bakedTexture(ao), light: null, scale: 1 };
    const { canvas, scale } = floorLightCanvas(layout, ao);
    return { ao: null, light: bakedTexture(canvas), scale };
  }, [layout, ao, high]);
  const frame = useMemo(() => surround(width, depth, 120, 0.5), [width, depth]);
  useEffect(() => () => texture.dispose(), [texture]);
  useEffect(() => () => { baked.ao?.dispose(); baked.light?.dispose(); }, [baked]);
  useEffect(() => () => frame.dispose(), [frame]);
  const outdoor = layout.setting === 'outdoor';
  return (
    <>
      <mesh rotation-x={-Math.PI / 2} position={[cx, 0, cz]} receiveShadow onClick={onFloorClick} onPointerMove={onFloorPoint}>
        <planeGeometry args={[width, depth]} />
        {baked.light
          ? <meshBasicMaterial map={texture} lightMap={baked.light} lightMapIntensity={baked.scale} />
          : <meshStandardMaterial map={texture} roughness={0.92} aoMap={baked.ao} />}
      </mesh>
      {high && layout.paths.map((p, i) => {
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
      <mesh geometry={frame} rotation-x={-Math.PI / 2} position={[cx, -0.02, cz]} receiveShadow={outdoor} onClick={onFloorClick} onPointerMove={onFloorPoint}>
        <meshStandardMaterial color={outdoor ? '#7f9a66' : '#2f2821'} roughness={1} />
      </mesh>
    </>
  );
}
