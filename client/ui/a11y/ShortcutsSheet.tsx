import { Heading } from 'react-aria-components';
import { setShortcutsOpen } from '../../state/a11y.js';
import { WorldDialog } from '../WorldDialog.js';

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
 * The keyboard shortcuts: a modal dialog (react-aria-components, see WorldDialog): the page
 * behind is inert, focus stays inside and goes back where it was when it closes (Escape, Close
 * or a press outside).
 */
export function ShortcutsSheet({ townhall, editing }: { townhall: boolean; editing: boolean }) {
  const close = () => setShortcutsOpen(false);
  return (
    <WorldDialog onClose={close} overlayClassName="scrim shortcuts-scrim" className="panel shortcuts-dialog">
      <div className="panel-head">
        <Heading slot="title" level={2}>Keyboard shortcuts</Heading>
        {/* Focus starts here: the one control, and the way out. */}
        <button type="button" className="small secondary" onClick={close} autoFocus>Close</button>
      </div>
      <List title="Everywhere" items={EVERYWHERE} />
      {townhall && <List title="In the town hall" items={TOWN_HALL} />}
      {editing && <List title="Editing exhibits" items={EDITING} />}
      <p className="hint">
        Skip to accessible view, the first thing Tab reaches, shows this space as text: its exhibits, the questions,
        the people here and the stage.
      </p>
    </WorldDialog>
  );
}
