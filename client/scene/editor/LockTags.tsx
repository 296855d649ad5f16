import { Html } from '@react-three/drei';
import { useExhibits } from '../../state/exhibits.js';
import { useUi } from '../../state/ui.js';
import { footprint } from '../exhibits/stands.js';

/** Over every exhibit another curator is dragging: their name ("Moved by Ana"). It cannot be grabbed meanwhile. */
export function LockTags() {
  const draft = useExhibits((s) => s.draft);
  const meta = useExhibits((s) => s.draftMeta);
  const selfId = useUi((s) => s.selfId);
  if (!draft) return null;
  return (
    <>
      {draft.map((e) => {
        const lock = meta[e.id];
        if (!lock || lock.lockedBy === '' || lock.lockedBy === selfId) return null;
        const shape = footprint(e);
        const top = e.transform.y + (shape.cy + shape.h / 2) * e.transform.scale + 0.3;
        return (
          <Html key={e.id} position={[e.transform.x, top, e.transform.z]} center zIndexRange={[20, 0]} className="lock-tag-anchor">
            <span className="lock-tag">Moved by {lock.lockedName || 'another curator'}</span>
          </Html>
        );
      })}
    </>
  );
}
