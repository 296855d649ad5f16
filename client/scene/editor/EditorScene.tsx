import { lazyRetry } from '../../lazyRetry.js';
import { Suspense } from 'react';
import { useExhibits } from '../../state/exhibits.js';

/** The editor's 3D tools are in the editor's chunk, loaded when edit mode is first turned on. */
const EditorTools = lazyRetry(() => import('./EditorTools.js').then((m) => ({ default: m.EditorTools })));

/** What edit mode adds to the 3D view: the selected exhibit's outline and gizmo, and other curators' locks. */
export function EditorScene() {
  const editMode = useExhibits((s) => s.editMode);
  if (!editMode) return null;
  return (
    <Suspense fallback={null}>
      <EditorTools />
    </Suspense>
  );
}
