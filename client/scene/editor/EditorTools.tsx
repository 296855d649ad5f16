import { EditorGizmo } from './EditorGizmo.js';
import { LockTags } from './LockTags.js';
import { SelectionOutline } from './SelectionOutline.js';

/** The selected exhibit's outline and gizmo, and other curators' locks (the editor chunk). */
export function EditorTools() {
  return (
    <>
      <SelectionOutline />
      <EditorGizmo />
      <LockTags />
    </>
  );
}
