import { useLayoutEffect, useMemo, useRef } from 'react';
import { CylinderGeometry, IcosahedronGeometry, Object3D, type InstancedMesh } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';

const TRUNK = new CylinderGeometry(1, 1, 1, 10);
const FOLIAGE = new IcosahedronGeometry(1, 1);
const scratch = new Object3D();

/** All trees of a space as two instanced meshes (trunks, crowns): two draw calls for a whole avenue. */
export function Trees({ layout }: { layout: SpaceLayout }) {
  const trees = useMemo(() => layout.circles.filter((c) => c.kind === 'tree'), [layout]);
  const trunks = useRef<InstancedMesh>(null);
  const crowns = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const t = trunks.current;
    const c = crowns.current;
    if (!t || !c) return;
    trees.forEach((tree, i) => {
      const trunkH = tree.h * 0.45;
      const crown = Math.max(tree.r * 2.6, tree.h * 0.3);
      scratch.position.set(tree.x, trunkH / 2, tree.z);
      scratch.scale.set(tree.r * 0.4, trunkH, tree.r * 0.4);
      scratch.updateMatrix();
      t.setMatrixAt(i, scratch.matrix);
      scratch.position.set(tree.x, tree.h - crown * 0.9, tree.z);
      scratch.scale.setScalar(crown);
      scratch.rotation.set(0, i * 1.3, 0);
      scratch.updateMatrix();
      c.setMatrixAt(i, scratch.matrix);
      scratch.rotation.set(0, 0, 0);
    });
    t.instanceMatrix.needsUpdate = true;
    c.instanceMatrix.needsUpdate = true;
    t.computeBoundingSphere();
    c.computeBoundingSphere();
  }, [trees]);
  if (trees.length === 0) return null;
  return (
    <>
      <instancedMesh ref={trunks} args={[TRUNK, undefined, trees.length]} castShadow>
        <meshStandardMaterial color="#6b4f3a" roughness={1} />
      </instancedMesh>
      <instancedMesh ref={crowns} args={[FOLIAGE, undefined, trees.length]} castShadow>
        <meshStandardMaterial color="#5f8a4a" roughness={0.9} flatShading />
      </instancedMesh>
    </>
  );
}
