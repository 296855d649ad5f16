import { useEffect, useId, useState } from 'react';
import { syncLook } from '../net/look.js';
import { chooseLook, useLook } from '../state/look.js';
import { useUi } from '../state/ui.js';
import { LookPicker } from './LookPicker.js';

/**
 * "Look" in the header: change how one appears, at once and in every space (kept for the account
 * or guest session by the server). On entering each space it sends a look chosen on the landing
 * page, or reads the kept one.
 */
export function LookButton() {
  const [open, setOpen] = useState(false);
  const look = useLook((s) => s.look);
  const status = useUi((s) => s.status);
  const spaceId = useUi((s) => s.spaceId);
  const panelId = useId();
  useEffect(() => {
    if (status === 'connected') void syncLook();
  }, [status, spaceId]);
  return (
    <div className="view-settings">
      <button type="button" className="secondary small" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen(!open)}>
        Look
      </button>
      {open && (
        <div id={panelId} className="panel view-settings-panel look-panel" role="group" aria-label="Your look">
          <LookPicker look={look} onChange={(next) => { chooseLook(next); void syncLook(); }} />
        </div>
      )}
    </div>
  );
}
