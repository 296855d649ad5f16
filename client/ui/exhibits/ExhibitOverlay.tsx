import { useEffect } from 'react';
import { LazyPart } from '../../LazyPart.js';
import { lazyRetry } from '../../lazyRetry.js';
import { useExhibits } from '../../state/exhibits.js';
import { world } from '../../state/world.js';

/**
 * The dialog and what it shows (react-aria's dialog, charts, twins' levers and figures) are a
 * chunk of their own, not loaded before the first frame: fetched once a visitor stands near an
 * exhibit (or highlights one with Tab), so it is usually there by the time they open it.
 */
const loadDialog = () => import('./ExhibitDialog.js');
const ExhibitDialog = lazyRetry(() => loadDialog().then((m) => ({ default: m.ExhibitDialog })));

/** The open exhibit's full content, over the world. Escape, the close buttons or a press outside close it. */
export function ExhibitOverlay() {
  const exhibit = useExhibits((s) => (s.openId ? s.shown.find((e) => e.id === s.openId) : undefined));
  const draft = useExhibits((s) => s.shownDraft);
  const spaceId = useExhibits((s) => s.spaceId);
  const near = useExhibits((s) => s.nearId !== '');
  useEffect(() => {
    // A failed early fetch costs nothing: opening the exhibit fetches it again (with retries).
    if (near && world.framesSinceSelf > 0) loadDialog().catch(() => undefined);
  }, [near]);
  if (!exhibit) return null;
  return <LazyPart key={exhibit.id}><ExhibitDialog exhibit={exhibit} spaceId={spaceId} draft={draft} /></LazyPart>;
}
