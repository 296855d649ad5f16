import { EditorPanel } from './EditorPanel.js';
import { useEditorKeys } from './useEditorKeys.js';

/** Edit mode's overlays on the left (the editor panel) and its keys. Mounted only in edit mode. */
export function EditorHud() {
  useEditorKeys();
  return (
    <div className="hud-side left editor-side">
      <EditorPanel />
    </div>
  );
}
