import type { ThreeEvent } from '@react-three/fiber';
import { BoxGeometry } from 'three';
import type { Box, SpaceLayout } from '../../shared/spaces/layout.js';
import { walkTo } from '../input/controls.js';
import { world } from '../state/world.js';
import { isPlainClick } from './plainClick.js';

const UNIT_BOX = new BoxGeometry(1, 1, 1);

const DEFAULT_COLORS: Record<Box['kind'], string> = {
  wall: '#ece5d8',
  building: '#ddd5c8',
  stage: '#5b3f2c',
  furniture: '#7a5c43',
};

/** A click on something solid does not walk through it to the floor behind; a stage top is walkable. */
function onBoxClick(box: Box) {
  return (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (!box.solid && isPlainClick(e) && !world.xr.presenting) walkTo(e.point.x, e.point.z);
  };
}

function Block({ box }: { box: Box }) {
  const color = box.color ?? DEFAULT_COLORS[box.kind];
  const tall = box.kind === 'building' || box.kind === 'wall';
  const isBuilding = box.kind === 'building' && box.w > 2 && box.d > 2;
  return (
    <group position={[box.x, 0, box.z]}>
      <mesh geometry={UNIT_BOX} position-y={box.h / 2} scale={[box.w, box.h, box.d]} castShadow={tall} receiveShadow onClick={onBoxClick(box)}>
        <meshStandardMaterial color={color} roughness={0.85} />
      </mesh>
      {isBuilding && (
        <>
          {/* Cornice and a darker plinth: enough to read as a building. */}
          <mesh geometry={UNIT_BOX} position-y={box.h - 0.15} scale={[box.w + 0.4, 0.3, box.d + 0.4]}>
            <meshStandardMaterial color={color} roughness={0.7} />
          </mesh>
          <mesh geometry={UNIT_BOX} position-y={0.3} scale={[box.w + 0.12, 0.6, box.d + 0.12]} receiveShadow>
            <meshStandardMaterial color="#8f877c" roughness={0.95} />
          </mesh>
        </>
      )}
    </group>
  );
}

/** Buildings, walls, stages and furniture from the layout's boxes. */
export function Boxes({ layout }: { layout: SpaceLayout }) {
  return (
    <>
      {layout.boxes.map((box, i) => (
        <Block key={i} box={box} />
      ))}
    </>
  );
}
