import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BoxGeometry } from 'three';
import type { Box, SpaceLayout } from '../../shared/spaces/layout.js';
import { walkTo } from '../input/controls.js';
import { useGraphics } from '../state/graphics.js';
import { world } from '../state/world.js';
import { bakedBoxes, blocksOf } from './bakedBoxes.js';
import { isPlainClick } from './plainClick.js';

const UNIT_BOX = new BoxGeometry(1, 1, 1);

/** A click on something solid does not walk through it to the floor behind; a stage top is walkable. */
function clickOn(box: Box | undefined, e: ThreeEvent<MouseEvent>): void {
  e.stopPropagation();
  if (box && !box.solid && isPlainClick(e) && !world.xr.presenting) walkTo(e.point.x, e.point.z);
}

function onBoxClick(box: Box) {
  return (e: ThreeEvent<MouseEvent>) => clickOn(box, e);
}

/** One layout box on the high tier: its blocks (a building's cornice and plinth too), lit in real time. */
function Block({ box }: { box: Box }) {
  const tall = box.kind === 'building' || box.kind === 'wall';
  return (
    <>
      {blocksOf(box).map((b, i) => (
        <mesh
          key={i}
          geometry={UNIT_BOX}
          position={[b.x, b.y + b.h / 2, b.z]}
          scale={[b.w, b.h, b.d]}
          castShadow={tall && i === 0}
          receiveShadow
          onClick={onBoxClick(box)}
        >
          <meshStandardMaterial color={b.color} roughness={0.85} />
        </mesh>
      ))}
    </>
  );
}

/** The low tier's boxes: all in one mesh, lit and occluded once (client/scene/bakedBoxes.ts). */
function BakedBoxes({ layout }: { layout: SpaceLayout }) {
  const baked = useMemo(() => bakedBoxes(layout), [layout]);
  useEffect(() => () => baked?.geometry.dispose(), [baked]);
  if (!baked) return null;
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    const i = e.faceIndex === undefined || e.faceIndex === null ? undefined : baked.boxOf[e.faceIndex];
    clickOn(i === undefined ? undefined : layout.boxes[i], e);
  };
  return (
    <mesh geometry={baked.geometry} onClick={onClick}>
      <meshBasicMaterial vertexColors />
    </mesh>
  );
}

/** Buildings, walls, stages and furniture from the layout's boxes (the high tier lit in real time, with shadows). */
export function Boxes({ layout }: { layout: SpaceLayout }) {
  const high = useGraphics((s) => s.settings.tier === 'high');
  if (!high) return <BakedBoxes layout={layout} />;
  return (
    <>
      {layout.boxes.map((box, i) => (
        <Block key={i} box={box} />
      ))}
    </>
  );
}
