import { useExhibits } from '../../state/exhibits.js';
import { EditorPanel } from './EditorPanel.js';
import { useEditorKeys } from './useEditorKeys.js';

/** Whether the curator is in edit mode with an exhibit selected (the inspector takes the right side). */
export function useInspecting(): boolean {
  return useExhibits((s) => s.editMode && s.selectedId !== '' && (s.draft?.some((e) => e.id === s.selectedId) ?? false));
}

/** Edit mode's overlays on the left (the editor panel) and its keys. Mounted only in edit mode. */
export function EditorHud() {
  useEditorKeys();
  return (
    <div className="hud-side left editor-side">
      <EditorPanel />
    </div>
  );
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
