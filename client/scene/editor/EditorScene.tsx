import { useExhibits } from '../../state/exhibits.js';
import { EditorGizmo } from './EditorGizmo.js';
import { LockTags } from './LockTags.js';
import { SelectionOutline } from './SelectionOutline.js';

/** What edit mode adds to the 3D view: the selected exhibit's outline and gizmo, and other curators' locks. */
export function EditorScene() {
  const editMode = useExhibits((s) => s.editMode);
  if (!editMode) return null;
  return (
    <>
      <SelectionOutline />
      <EditorGizmo />
      <LockTags />
    </>
  );
}
