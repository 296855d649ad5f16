import { activateExhibit, useExhibits } from '../../state/exhibits.js';
import { useSpaces } from '../../state/spaces.js';

/**
 * On touch screens the highlighted exhibit (the one the visitor stands near) gets a button in
 * thumb reach, in place of the keyboard hint ("E to open"). Tapping the exhibit itself works too.
 */
export function TouchExhibitButton() {
  const exhibit = useExhibits((s) => (s.nearId && !s.openId && !s.editMode ? s.shown.find((e) => e.id === s.nearId) : undefined));
  const to = exhibit?.content.kind === 'portal' ? exhibit.content.to : '';
  const destination = useSpaces((s) => {
    const entry = to ? s.entries[to] : undefined;
    return entry?.status === 'ready' ? entry.layout.name : to;
  });
  if (!exhibit) return null;
  return (
    <div className="touch-exhibit">
      <button type="button" className="touch-open" onClick={() => activateExhibit(exhibit.id)}>
        <span className="touch-open-verb">{to ? `Go to ${destination}` : 'Open'}</span>
        {!to && <>{' '}<span className="touch-open-title">{exhibit.title}</span></>}
      </button>
    </div>
  );
}
