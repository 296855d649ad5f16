import { createPortal } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import { BoxGeometry, EdgesGeometry, type Object3D } from 'three';
import { useExhibits } from '../../state/exhibits.js';
import { exhibitObjects, onExhibitObjects } from '../exhibits/registry.js';
import { footprint } from '../exhibits/stands.js';

const noRaycast = () => undefined;

/** A thin box around the selected exhibit, inside its own group so it moves, turns and scales with it. */
export function SelectionOutline() {
  const selectedId = useExhibits((s) => s.selectedId);
  const exhibit = useExhibits((s) => s.draft?.find((e) => e.id === s.selectedId));
  const [object, setObject] = useState<Object3D | null>(null);
  useEffect(() => {
    const find = () => setObject(exhibitObjects.get(selectedId) ?? null);
    find();
    return onExhibitObjects(find);
  }, [selectedId]);
  const shape = exhibit ? footprint(exhibit) : null;
  const w = shape?.w ?? 0;
  const h = shape?.h ?? 0;
  const d = shape?.d ?? 0;
  // Rebuilt only when the size changes, not on every move.
  const edges = useMemo(() => {
    if (w === 0) return null;
    const box = new BoxGeometry(w + 0.06, h + 0.06, d + 0.06);
    const lines = new EdgesGeometry(box);
    box.dispose();
    return lines;
  }, [w, h, d]);
  useEffect(() => () => edges?.dispose(), [edges]);
  if (!object || !shape || !edges) return null;
  return createPortal(
    <lineSegments geometry={edges} position={[0, shape.cy, 0]} raycast={noRaycast} renderOrder={2}>
      <lineBasicMaterial color="#7fd8ff" depthTest={false} transparent opacity={0.9} />
    </lineSegments>,
    object,
  );
}
