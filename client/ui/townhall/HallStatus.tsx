import { eventStatus, floorLeft, formatCountdown, recordPath } from '../../hallText.js';
import { useHall, useHoldsFloor } from '../../state/hall.js';
import { useNow } from '../../state/useNow.js';
import { SectionStatus } from './SectionStatus.js';

/**
 * The event at a glance: its title and state (a countdown before it starts), and who holds
 * the floor mic with the time they have left.
 */
export function HallStatus() {
  const event = useHall((s) => s.event);
  const floor = useHall((s) => s.floor);
  const floorSection = useHall((s) => s.floorSection);
  const now = useNow(1000, event.state === 'scheduled' || floor.holder !== '');
  const mine = useHoldsFloor();
  return (
    <section className="panel hall-status" aria-label="Event">
      <p className="hall-title">{event.state === 'none' ? 'No event scheduled' : event.title}</p>
      {event.state !== 'none' && (
        <p className={`hall-state state-${event.state}`} role="status" aria-live="off">
          {eventStatus(event, now)}
        </p>
      )}
      <SectionStatus />
      {event.state === 'ended' && event.id && (
        <div className="event-ended" role="status">
          {event.thanks && <p className="thanks">“{event.thanks}”</p>}
          <p>
            This event has ended. <a href={recordPath(event.id)} target="_blank" rel="noopener">Read the record</a>
            <span className="muted"> (every question, vote and floor turn)</span>
          </p>
        </div>
      )}
      {floor.holder && (
        <p className={mine ? 'floor-line mine' : 'floor-line'} role="status" aria-live="off" aria-label="Floor microphone">
          {mine ? 'You have the floor' : `${floor.name} has the floor${floorSection > 0 ? ` in section ${floorSection}` : ''}`}
          <span className="countdown"> · {formatCountdown(floorLeft(floor, now))}</span>
        </p>
      )}
    </section>
  );
}
