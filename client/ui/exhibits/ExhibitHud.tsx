import { useEffect, useId } from 'react';
import { navigate } from '../../navigation.js';
import { pathForSpace } from '../../route.js';
import { exhibitIntents, setListOpen, useExhibits } from '../../state/exhibits.js';
import { ExhibitHint } from './ExhibitHint.js';
import { ExhibitList } from './ExhibitList.js';
import { ExhibitOverlay } from './ExhibitOverlay.js';
import { useExhibitKeys } from './useExhibitKeys.js';

/**
 * The visitor's exhibit overlays: the highlight hint, the "Exhibits" button and list, and the
 * detail of the open exhibit; also the keys, and the way through exhibit doorways.
 */
export function ExhibitHud() {
  useExhibitKeys();
  useEffect(() => {
    exhibitIntents.travel = (to) => navigate(pathForSpace(to));
    return () => {
      exhibitIntents.travel = null;
    };
  }, []);
  const count = useExhibits((s) => s.shown.length);
  const listOpen = useExhibits((s) => s.listOpen);
  // In edit mode the editor's panel takes the left side.
  const editing = useExhibits((s) => s.editMode);
  const listId = useId();
  return (
    <>
      <ExhibitHint />
      {!editing && (count > 0 || listOpen) && (
        <div className="exhibit-corner">
          {listOpen && <ExhibitList id={listId} />}
          <button
            type="button"
            className="secondary exhibits-button"
            aria-expanded={listOpen}
            aria-controls={listOpen ? listId : undefined}
            onClick={() => setListOpen(!listOpen)}
          >
            Exhibits <span className="count">{count}</span>
          </button>
        </div>
      )}
      <ExhibitOverlay />
    </>
  );
}
