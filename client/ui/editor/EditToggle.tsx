import { requestEditMode } from '../../net/editor.js';
import { useExhibits } from '../../state/exhibits.js';
import { useUi } from '../../state/ui.js';
import { useAllows } from '../townhall/useAllows.js';

/**
 * "Edit exhibits" in the header, for curators of this space (and admins): switches edit mode on
 * and off. Others never see it; the server refuses their edit messages anyway.
 */
export function EditToggle() {
  const allowed = useAllows('exhibit.edit');
  const editMode = useExhibits((s) => s.editMode);
  const connected = useUi((s) => s.status === 'connected');
  if (!allowed) return null;
  return (
    <button
      type="button"
      className={editMode ? 'secondary' : undefined}
      aria-pressed={editMode}
      disabled={!connected}
      onClick={() => requestEditMode(!editMode)}
    >
      {editMode ? 'Done editing' : 'Edit exhibits'}
    </button>
  );
}
