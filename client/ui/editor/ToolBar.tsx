import { useId } from 'react';
import { GIZMO_KEY, GIZMO_LABEL, useEditor, type GizmoMode } from '../../state/editor.js';

const MODES: readonly GizmoMode[] = ['translate', 'rotate', 'scale'];

/** The gizmo's tool (move, turn, size) and whether things snap to the grid, angles, floor and walls. */
export function ToolBar() {
  const mode = useEditor((s) => s.mode);
  const snap = useEditor((s) => s.snap);
  const headingId = useId();
  return (
    <section className="editor-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Arrange</h3>
      <div className="toolbar" role="group" aria-labelledby={headingId}>
        {MODES.map((m) => (
          <button
            key={m}
            type="button"
            className="small secondary"
            aria-pressed={mode === m}
            aria-keyshortcuts={GIZMO_KEY[m]}
            title={`${GIZMO_LABEL[m]} (key ${GIZMO_KEY[m]})`}
            onClick={() => useEditor.setState({ mode: m })}
          >
            {GIZMO_LABEL[m]} <kbd>{GIZMO_KEY[m]}</kbd>
          </button>
        ))}
        <label className="check snap-toggle">
          <input type="checkbox" checked={snap} onChange={(e) => useEditor.setState({ snap: e.target.checked })} />
          Snap
        </label>
      </div>
      <p className="hint">
        Drag the handles, or use the arrow keys (Shift: further), [ ] to turn, - = to resize, Page Up/Down to lift.
      </p>
    </section>
  );
}
