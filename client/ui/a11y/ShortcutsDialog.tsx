import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { setShortcutsOpen, useA11y } from '../../state/a11y.js';
import { useExhibits } from '../../state/exhibits.js';
import { useUi } from '../../state/ui.js';

interface Shortcut { keys: string[]; does: string }

const EVERYWHERE: Shortcut[] = [
  { keys: ['W', 'A', 'S', 'D'], does: 'Walk (or the arrow keys); hold Shift to run' },
  { keys: ['Tab'], does: 'From the 3D view: the next exhibit (Shift+Tab: the one before); after the last, the controls' },
  { keys: ['Enter'], does: 'Open the highlighted exhibit, or press the focused button' },
  { keys: ['E'], does: 'Open the exhibit you stand near' },
  { keys: ['Esc'], does: 'Close what is open (an exhibit, this sheet, the accessible view)' },
  { keys: ['V'], does: 'Hold to talk, once your microphone is on' },
  { keys: ['?'], does: 'This list of shortcuts' },
];

const TOWN_HALL: Shortcut[] = [
  { keys: ['H'], does: 'Raise or lower your hand to speak from the floor' },
];

const EDITING: Shortcut[] = [
  { keys: ['1', '2', '3'], does: 'Move, turn or resize the selected exhibit with the gizmo' },
  { keys: ['←', '→', '↑', '↓'], does: 'Nudge the selected exhibit (Shift: further)' },
  { keys: ['[', ']'], does: 'Turn the selected exhibit' },
  { keys: ['-', '='], does: 'Make the selected exhibit smaller or larger' },
  { keys: ['Ctrl+Z'], does: 'Undo (Ctrl+Shift+Z: redo)' },
];

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function List({ title, items }: { title: string; items: Shortcut[] }) {
  return (
    <>
      <h3>{title}</h3>
      <dl className="shortcuts">
        {items.map((s) => (
          <div key={s.does} className="shortcut">
            <dt>{s.keys.map((k, i) => <span key={k}>{i > 0 && ' '}<kbd>{k}</kbd></span>)}</dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/**
 * The keyboard shortcuts, on "?": a modal dialog (the page behind is inert), focus kept inside,
 * and given back where it was when it closes (Escape or Close).
 */
export function ShortcutsDialog() {
  const open = useA11y((s) => s.shortcutsOpen);
  const townhall = useUi((s) => s.layout?.kind === 'townhall');
  const editing = useExhibits((s) => s.editMode);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return undefined;
    const before = document.activeElement;
    if (!d.open) d.showModal();
    d.querySelector<HTMLElement>('button')?.focus();
    return () => {
      if (d.open) d.close();
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
    };
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // Keys pressed in here are for the sheet: they do not walk the avatar or tour exhibits.
    e.stopPropagation();
    if (e.key === 'Escape') {
      // Closed here rather than left to the browser's cancel, which Chromium may hold back.
      e.preventDefault();
      setShortcutsOpen(false);
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="panel shortcuts-dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      // Escape (the browser's cancel) and close() both end here.
      onClose={() => setShortcutsOpen(false)}
    >
      {open && (
        <>
          <div className="panel-head">
            <h2 id={titleId}>Keyboard shortcuts</h2>
            <button type="button" className="small secondary" onClick={() => setShortcutsOpen(false)}>Close</button>
          </div>
          <List title="Everywhere" items={EVERYWHERE} />
          {townhall && <List title="In the town hall" items={TOWN_HALL} />}
          {editing && <List title="Editing exhibits" items={EDITING} />}
          <p className="hint">
            Skip to accessible view, the first thing Tab reaches, shows this space as text: its exhibits, the questions,
            the people here and the stage.
          </p>
        </>
      )}
    </dialog>
  );
}
