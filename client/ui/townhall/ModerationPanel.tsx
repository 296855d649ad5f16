import { useId, useState } from 'react';
import { ApprovedQuestions } from './ApprovedQuestions.js';
import { BanList } from './BanList.js';
import { EventControls } from './EventControls.js';
import { FloorControls } from './FloorControls.js';
import { HandsQueue } from './HandsQueue.js';
import { ModerationStatus } from './ModerationStatus.js';
import { PendingQueue } from './PendingQueue.js';
import { useAllows } from './useAllows.js';
import { pathForConsole } from '../../route.js';
import { useHall } from '../../state/hall.js';

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
  const canBan = useAllows('space.ban');
  const [open, setOpen] = useState(roomy);
  const eventId = useHall((s) => s.event.id);
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
        <div id={bodyId} className="moderation-body">
          {eventId && (
            <p className="console-link">
              <a href={pathForConsole(eventId)} target="_blank" rel="noopener">Open the moderator console</a>
              <span className="muted"> (a whole page: second screen or tablet)</span>
            </p>
          )}
          {canRun && <EventControls />}
          {canManage && <FloorControls />}
          {canModerate && <PendingQueue />}
          {canModerate && <ApprovedQuestions />}
          {canCall && <HandsQueue />}
          {canBan && <BanList />}
          <ModerationStatus />
        </div>
      )}
    </section>
  );
}
