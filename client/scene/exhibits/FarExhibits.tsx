import type { ThreeEvent } from '@react-three/fiber';
import { isPlainClick } from '../plainClick.js';
import { useLayoutEffect, useRef } from 'react';
import { Color, Euler, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three';
import type { Exhibit } from '../../../shared/exhibits/exhibit.js';
import { activateExhibit } from '../../state/exhibits.js';
import { STAND_IN, UNIT_BOX } from './looks.js';
import { footprint, KIND_COLOUR } from './stands.js';

const place = new Matrix4();
const local = new Matrix4();
const position = new Vector3();
const rotation = new Quaternion();
const euler = new Euler();
const scale = new Vector3();
const colour = new Color();

/** Room for this many stand-ins (rounded up, so the mesh is not rebuilt for every new exhibit). */
function capacityFor(n: number): number {
  return Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, n))));
}

/**
 * Every exhibit not drawn in detail, as a plain box of its size and its kind's colour: all of
 * them one instanced mesh (one draw call, no text, no textures). Clicking one works like
 * clicking the exhibit.
 */
export function FarExhibits({ exhibits, detailed }: { exhibits: readonly Exhibit[]; detailed: ReadonlySet<string> }) {
  const mesh = useRef<InstancedMesh>(null);
  const ids = useRef<string[]>([]);
  const capacity = capacityFor(exhibits.length);
  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    const order: string[] = [];
    for (const e of exhibits) {
      if (detailed.has(e.id)) continue;
      const t = e.transform;
      const f = footprint(e);
      place.compose(position.set(t.x, t.y, t.z), rotation.setFromEuler(euler.set(t.rx, t.ry, t.rz)), scale.setScalar(t.scale));
      local.makeScale(f.w, f.h, f.d).setPosition(0, f.cy, 0);
      m.setMatrixAt(order.length, place.multiply(local));
      m.setColorAt(order.length, colour.set(KIND_COLOUR[e.content.kind]));
      order.push(e.id);
    }
    ids.current = order;
    m.count = order.length;
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    m.computeBoundingSphere();
  }, [exhibits, detailed, capacity]);
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (!isPlainClick(e) || e.instanceId === undefined) return;
    const id = ids.current[e.instanceId];
    if (id) activateExhibit(id);
  };
  return (
    <instancedMesh key={capacity} ref={mesh} args={[UNIT_BOX, STAND_IN, capacity]} onClick={onClick} receiveShadow />
  );
}
