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

/** The unfolded moderation panel: each part for those the permissions table lets use it. */
export function ModerationBody({ id }: { id: string }) {
  const canRun = useAllows('event.run');
  const canModerate = useAllows('question.moderate');
  const canCall = useAllows('floor.call');
  const canManage = useAllows('floor.manage');
  const canBan = useAllows('space.ban');
  const eventId = useHall((s) => s.event.id);
  return (
    <div id={id} className="moderation-body">
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
  );
}
