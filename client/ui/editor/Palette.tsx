import { useId } from 'react';
import { KIND_LABEL, newContent, PLACEABLE_KINDS, type Exhibit, type Transform } from '../../../shared/exhibits/exhibit.js';
import { ClientMessage } from '../../../shared/protocol/messages.js';
import { createExhibit } from '../../net/editor.js';
import { settle } from '../../scene/editor/settle.js';
import { placeInFront } from '../../scene/editor/snap.js';
import { useEditor } from '../../state/editor.js';
import { useExhibits } from '../../state/exhibits.js';
import { world } from '../../state/world.js';
import { FormError } from '../FormError.js';
import { KIND_HINT } from './kindText.js';

/** How far in front of the curator a new exhibit appears (m). */
const PLACE_AT_M = 2.5;
/** Closer than this (m) to another exhibit, a new one moves aside (to the right, then the left). */
const CLEARANCE_M = 1.2;
const ASIDE_M = [0, 1.75, -1.75, 3.5, -3.5];

function add(kind: (typeof PLACEABLE_KINDS)[number]): void {
  if (!world.selfReady) return;
  const self = world.self.curr;
  const title = `New ${KIND_LABEL[kind].toLowerCase()}`;
  const others = useExhibits.getState().draft ?? [];
  const snap = useEditor.getState().snap;
  let transform: Transform | null = null;
  for (const aside of ASIDE_M) {
    // The curator's right is (cos yaw, -sin yaw).
    const front = placeInFront(self.x + Math.cos(self.yaw) * aside, self.z - Math.sin(self.yaw) * aside, self.yaw, PLACE_AT_M);
    const shape: Exhibit = { id: 'new-exhibit', title, alt: '', provenance: { author: '', sources: [] }, transform: front, content: newContent(kind) };
    const spot = settle(shape, front, world.layout, snap, true);
    transform ??= spot;
    if (others.every((e) => Math.hypot(e.transform.x - spot.x, e.transform.z - spot.z) >= CLEARANCE_M)) {
      transform = spot;
      break;
    }
  }
  if (transform) createExhibit({ kind, transform, title });
}

/** One button per kind a curator can add: it appears in front of them, facing them, selected. */
export function Palette() {
  const headingId = useId();
  const refused = useEditor((s) => s.results[ClientMessage.ExhibitCreate]);
  return (
    <section className="editor-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Add</h3>
      <div className="palette">
        {PLACEABLE_KINDS.map((kind) => (
          <button key={kind} type="button" className="small secondary" title={KIND_HINT[kind]} onClick={() => add(kind)}>
            {KIND_LABEL[kind]}
          </button>
        ))}
      </div>
      {refused && !refused.ok && <FormError key={refused.serial} message={refused.text} />}
    </section>
  );
}
