import { useId, useState } from 'react';
import type { Key } from 'react-aria-components';
import { LazyPart } from '../../LazyPart.js';
import { lazyRetry } from '../../lazyRetry.js';

/** The tabs (react-aria's collections and selection) are a chunk fetched when the panel first opens. */
const QaTabs = lazyRetry(() => import('./QaTabs.js').then((m) => ({ default: m.QaTabs })));

/** Open by default where there is room for it beside the 3D view. */
function roomy(): boolean {
  return typeof window !== 'undefined' && window.innerWidth >= 900;
}

/**
 * Questions and answers: what everyone may see, asking one, and one's own (QaTabs). A panel
 * that folds away.
 */
export function QaPanel() {
  const [open, setOpen] = useState(roomy);
  const [tab, setTab] = useState<Key>('questions');
  const base = useId();

  return (
    <section className={open ? 'panel qa open' : 'panel qa'} aria-labelledby={`${base}-title`}>
      <div className="panel-head">
        <h2 id={`${base}-title`}>Q&amp;A</h2>
        <button type="button" className="small secondary" aria-expanded={open} aria-controls={`${base}-body`} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
          <span className="visually-hidden"> questions and answers</span>
        </button>
      </div>
      {open && (
        <LazyPart>
          <QaTabs id={`${base}-body`} tab={tab} onTab={setTab} />
        </LazyPart>
      )}
    </section>
  );
}
