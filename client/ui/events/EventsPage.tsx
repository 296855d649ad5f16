import { allows } from '../../../shared/access.js';
import type { EventView } from '../../../shared/protocol/api.js';
import { useMe } from '../../state/account.js';
import { AccountLinks } from '../AccountLinks.js';
import { FormError } from '../FormError.js';
import { Link } from '../Link.js';
import { useSpaceList } from '../useSpaceList.js';
import { EventList } from './EventList.js';
import { ScheduleEventForm } from './ScheduleEventForm.js';
import { useEvents } from './useEvents.js';

const byStart = (a: EventView, b: EventView) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
const byEnd = (a: EventView, b: EventView) => Date.parse(b.endedAt ?? b.startsAt) - Date.parse(a.endedAt ?? a.startsAt);

/** `/events`: what is on now, what is coming, and the records of what is over. Hosts schedule here. */
export function EventsPage() {
  const me = useMe();
  const data = useEvents();
  const spaces = useSpaceList();
  const townHalls = spaces.filter((s) => s.kind === 'townhall');
  const schedulable = townHalls.filter((s) => allows('events.create', me, s.id));
  const live = data.events.filter((e) => e.state === 'live').sort(byStart);
  const upcoming = data.events.filter((e) => e.state === 'scheduled').sort(byStart);
  const past = data.events.filter((e) => e.state === 'ended').sort(byEnd);
  return (
    <div className="admin events-page">
      <header className="admin-bar">
        <div>
          <h1>Events</h1>
          <p className="muted">
            Town halls, live and on the record · <Link href="/s/townhall">Go to the town hall</Link>
          </p>
        </div>
        {me && <AccountLinks me={me} />}
      </header>
      <main className="admin-main" aria-busy={data.loading ? true : undefined}>
        <FormError message={data.error} />
        <EventList title="Live now" events={live} spaces={spaces} empty="Nothing is live right now." />
        <EventList title="Upcoming" events={upcoming} spaces={spaces} empty="Nothing is scheduled yet." />
        <EventList title="Past" events={past} spaces={spaces} empty="No event has ended yet." />
        {schedulable.length > 0 && <ScheduleEventForm spaces={schedulable} onScheduled={data.reload} />}
      </main>
    </div>
  );
}
