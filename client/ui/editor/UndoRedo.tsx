import { redoEdit, undoEdit } from '../../net/editor.js';
import { useEditor } from '../../state/editor.js';

/** Undo and redo one's own last edit, labelled with what they would undo or redo. */
export function UndoRedo() {
  const history = useEditor((s) => s.history);
  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="small secondary"
        disabled={history.undo === 0}
        aria-keyshortcuts="Control+Z"
        title={history.undoLabel ? `Undo: ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={undoEdit}
      >
        Undo
      </button>
      <button
        type="button"
        className="small secondary"
        disabled={history.redo === 0}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        title={history.redoLabel ? `Redo: ${history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        onClick={redoEdit}
      >
        Redo
      </button>
      <span className="undo-label muted" aria-live="polite">
        {history.undoLabel ? `Last: ${history.undoLabel}` : ''}
      </span>
    </div>
  );
}
