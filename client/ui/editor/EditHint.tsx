import { useExhibits } from '../../state/exhibits.js';

/**
 * The parts of edit mode every page loads (small): whether the inspector takes the right side,
 * and the help line. The editor itself (panel, inspector, gizmo) is a chunk of its own, loaded
 * when a curator turns edit mode on.
 */

/** Whether the curator is in edit mode with an exhibit selected (the inspector takes the right side). */
export function useInspecting(): boolean {
  return useExhibits((s) => s.editMode && s.selectedId !== '' && (s.draft?.some((e) => e.id === s.selectedId) ?? false));
}

/** The line at the bottom in edit mode: how to work with the mouse and keys. */
export function EditHint() {
  const selected = useExhibits((s) => s.selectedId !== '');
  return (
    <p className="panel help">
      {selected
        ? 'Drag the handles · 1 move, 2 turn, 3 size · arrows nudge · [ ] turn · Esc deselects · Ctrl+Z undo'
        : 'Click an exhibit to select it · add one from the panel · WASD to walk · Ctrl+Z undo'}
    </p>
  );
}
