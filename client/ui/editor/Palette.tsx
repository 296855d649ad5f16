import { useId, useState } from 'react';
import { KIND_LABEL, newContent, PLACEABLE_KINDS, type Exhibit } from '../../../shared/exhibits/exhibit.js';
import { footprintRadius, placeNewExhibit } from '../../../shared/exhibits/placement.js';
import { footprint } from '../../scene/exhibits/stands.js';
import { ClientMessage } from '../../../shared/protocol/messages.js';
import { createExhibit } from '../../net/editor.js';
import { settle } from '../../scene/editor/settle.js';
import { placeInFront } from '../../scene/editor/snap.js';
import { useEditor } from '../../state/editor.js';
import { useExhibits } from '../../state/exhibits.js';
import { world } from '../../state/world.js';
import { FormError } from '../FormError.js';
import { KIND_HINT } from './kindText.js';

/** Add an exhibit of `kind` in front of the curator (shared/exhibits/placement.ts decides where); false if there is no free floor there. */
function add(kind: (typeof PLACEABLE_KINDS)[number]): boolean {
  if (!world.selfReady || !world.layout) return true;
  const self = world.self.curr;
  const title = `New ${KIND_LABEL[kind].toLowerCase()}`;
  const draft = useExhibits.getState().draft ?? [];
  const others = draft.map((e) => {
    const f = footprint(e);
    return { x: e.transform.x, z: e.transform.z, r: footprintRadius(f.w * e.transform.scale, f.d * e.transform.scale) };
  });
  const shape: Exhibit = { id: 'new-exhibit', title, alt: '', provenance: { author: '', sources: [] }, transform: placeInFront(self.x, self.z, self.yaw, 0), content: newContent(kind) };
  const size = footprint(shape);
  const spot = placeNewExhibit(world.layout, self, size, others);
  if (!spot) return false;
  const transform = settle(shape, { ...shape.transform, x: spot.x, z: spot.z, ry: spot.ry }, world.layout, useEditor.getState().snap, true);
  createExhibit({ kind, transform, title });
  return true;
}

/** One button per kind a curator can add: it appears in front of them, facing them, selected. */
export function Palette() {
  const headingId = useId();
  const refused = useEditor((s) => s.results[ClientMessage.ExhibitCreate]);
  const [noRoom, setNoRoom] = useState(false);
  return (
    <section className="editor-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Add</h3>
      <div className="palette">
        {PLACEABLE_KINDS.map((kind) => (
          <button key={kind} type="button" className="small secondary" title={KIND_HINT[kind]} onClick={() => setNoRoom(!add(kind))}>
            {KIND_LABEL[kind]}
          </button>
        ))}
      </div>
      {noRoom && <FormError message="There is no free floor in front of you: turn towards open floor and add it again." />}
      {refused && !refused.ok && <FormError key={refused.serial} message={refused.text} />}
    </section>
  );
}
