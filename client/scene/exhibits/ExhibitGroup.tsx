import type { ThreeEvent } from '@react-three/fiber';
import { fromRay, useRayPress } from '../rayPress.js';
import { isPlainClick } from '../plainClick.js';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { Exhibit } from '../../../shared/exhibits/exhibit.js';
import { activateExhibit, useExhibits } from '../../state/exhibits.js';
import { RING, ring } from './looks.js';
import { registerExhibit } from './registry.js';
import { footprint } from './stands.js';


export interface ExhibitProps { exhibit: Exhibit }

/** Whether an exhibit is lit up: the one we stand near or Tabbed to, or the editor's selection. */
export function useLit(id: string): boolean {
  return useExhibits((s) => s.nearId === id || s.selectedId === id);
}

function setCursor(e: ThreeEvent<PointerEvent>, cursor: string): void {
  const target = e.nativeEvent.target;
  if (target instanceof HTMLElement) target.style.cursor = cursor;
}

function noRaycast(): void {}

/**
 * An exhibit at its transform: the group the editor's gizmo attaches to (registered by id),
 * clickable (open, go through, or select in edit mode), with a soft ring on the floor when lit.
 */
export function ExhibitGroup({ exhibit, children }: ExhibitProps & { children: ReactNode }) {
  const { id, transform: t } = exhibit;
  const lit = useLit(id);
  const ref = useMemo(() => registerExhibit(id), [id]);
  const rayPress = useRayPress(useCallback(() => activateExhibit(id), [id]));
  const f = footprint(exhibit);
  const radius = Math.max(f.w, f.d) / 2 + 0.3;
  return (
    <group
      ref={ref}
      name={`exhibit:${id}`}
      position={[t.x, t.y, t.z]}
      rotation={[t.rx, t.ry, t.rz]}
      scale={t.scale}
      onClick={(e) => {
        e.stopPropagation();
        // A VR ray presses through onPointerDown/Up (rayPress.ts).
        if (fromRay(e) || !isPlainClick(e)) return;
        activateExhibit(id);
      }}
      {...rayPress}
      onPointerOver={(e) => {
        e.stopPropagation();
        setCursor(e, 'pointer');
      }}
      onPointerOut={(e) => setCursor(e, '')}
    >
      {children}
      {lit && (
        // On the floor below the exhibit, whatever height it stands or hangs at.
        <mesh geometry={ring()} material={RING} position-y={-t.y / t.scale + 0.015} scale={radius} raycast={noRaycast} renderOrder={1} />
      )}
    </group>
  );
}
