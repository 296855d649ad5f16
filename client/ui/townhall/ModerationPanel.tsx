import { useId, useState } from 'react';
import { LazyPart } from '../../LazyPart.js';
import { lazyRetry } from '../../lazyRetry.js';
import { useAllows } from './useAllows.js';

/** The panel's contents are staff's alone: a chunk fetched when it unfolds, never by the audience. */
const ModerationBody = lazyRetry(() => import('./ModerationBody.js').then((m) => ({ default: m.ModerationBody })));

function roomy(): boolean {
  return typeof window !== 'undefined' && window.innerWidth >= 900;
}

/**
 * Running the event, for those the permissions table lets: starting and ending it (hosts and
 * moderators), the question queue, the hands, the floor mic and the bans (moderators). Folds away.
 */
export function ModerationPanel() {
  const canRun = useAllows('event.run');
  const canModerate = useAllows('question.moderate');
  const canCall = useAllows('floor.call');
  const canManage = useAllows('floor.manage');
  const [open, setOpen] = useState(roomy);
  const titleId = useId();
  const bodyId = useId();
  if (!canRun && !canModerate && !canCall && !canManage) return null;
  return (
    <section className={open ? 'panel moderation open' : 'panel moderation'} aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{canModerate ? 'Moderation' : 'Hosting'}</h2>
        <button type="button" className="small secondary" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
          <span className="visually-hidden"> {canModerate ? 'moderation' : 'hosting'}</span>
        </button>
      </div>
      {open && (
        <LazyPart>
          <ModerationBody id={bodyId} />
        </LazyPart>
      )}
    </section>
  );
}
