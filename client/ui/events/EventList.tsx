import { useId } from 'react';
import type { EventView } from '../../../shared/protocol/api.js';
import type { SpaceSummary } from '../../net/spaces.js';
import { pathForEvent, pathForSpace } from '../../route.js';
import { formatTime } from '../formatTime.js';
import { Link } from '../Link.js';
import { spaceLabel } from '../useSpaceList.js';

function when(e: EventView): string {
  if (e.state === 'live') return `Live since ${formatTime(e.startedAt)}`;
  if (e.state === 'ended') return `Ended ${formatTime(e.endedAt)}`;
  return `Starts ${formatTime(e.startsAt)}`;
}

/** One group of events (live, upcoming or past), each linking to its record and, until it ends, its space. */
export function EventList({ title, events, spaces, empty }: { title: string; events: EventView[]; spaces: SpaceSummary[]; empty: string }) {
  const titleId = useId();
  return (
    <section className="panel admin-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {events.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="event-list" aria-label={title}>
          {events.map((e) => (
            <li key={e.id} className="event-item">
              <h3><Link href={pathForEvent(e.id)}>{e.title}</Link></h3>
              <p className="muted">{when(e)} · {spaceLabel(spaces, e.spaceId)}</p>
              {e.description && <p className="event-description">{e.description}</p>}
              {e.state !== 'ended' && (
                <p><Link href={pathForSpace(e.spaceId)}>{e.state === 'live' ? 'Join now' : 'Go to the space'}</Link></p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
