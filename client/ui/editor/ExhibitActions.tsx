import { useState } from 'react';
import { deleteExhibit, duplicateExhibit } from '../../net/editor.js';

/** Duplicate, and delete after a confirmation. */
export function ExhibitActions({ id, title }: { id: string; title: string }) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <div className="confirm exhibit-actions" role="group" aria-label={`Delete “${title}”?`}>
        <span>Delete “{title}” from the draft?</span>
        <button type="button" className="small danger" autoFocus onClick={() => deleteExhibit(id)}>Delete</button>
        <button type="button" className="small secondary" onClick={() => setConfirming(false)}>Cancel</button>
      </div>
    );
  }
  return (
    <div className="button-row exhibit-actions">
      <button type="button" className="small secondary" onClick={() => duplicateExhibit(id)}>Duplicate</button>
      <button type="button" className="small secondary danger-text" onClick={() => setConfirming(true)}>Delete…</button>
    </div>
  );
}
