import { KIND_LABEL } from '../../../shared/exhibits/exhibit.js';
import { useExhibits } from '../../state/exhibits.js';
import { useSpaces } from '../../state/spaces.js';

/**
 * The line that says which exhibit is highlighted and how to open it. A polite live region, so
 * screen readers hear each exhibit as Tab reaches it (or as the visitor walks up to one).
 */
export function ExhibitHint() {
  const exhibit = useExhibits((s) => (s.nearId && !s.openId && !s.editMode ? s.shown.find((e) => e.id === s.nearId) : undefined));
  const byKeys = useExhibits((s) => s.nearBy === 'keys');
  const to = exhibit?.content.kind === 'portal' ? exhibit.content.to : '';
  const destination = useSpaces((s) => {
    const entry = to ? s.entries[to] : undefined;
    return entry?.status === 'ready' ? entry.layout.name : to;
  });
  return (
    <div className="exhibit-hint-region" aria-live="polite">
      {exhibit && (
        <p className="panel exhibit-hint">
          <span className="exhibit-hint-title">{exhibit.title}</span>
          <span className="muted"> · {KIND_LABEL[exhibit.content.kind]} · </span>
          <kbd>{byKeys ? 'Enter' : 'E'}</kbd>
          {to ? ` to go to ${destination}` : ' to open'}
          {byKeys && <span className="muted"> · Tab for the next</span>}
        </p>
      )}
    </div>
  );
}
