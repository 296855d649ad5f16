import { useEffect, useId } from 'react';
import type { EventView } from '../../shared/protocol/api.js';
import { pathForEvent } from '../route.js';
import { formatTime } from './formatTime.js';
import { Link } from './Link.js';
import { spaceLabel, useSpaceList } from './useSpaceList.js';
import type { EventsData } from './events/useEvents.js';

const byStart = (a: EventView, b: EventView) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
const byEnd = (a: EventView, b: EventView) => Date.parse(b.endedAt ?? b.startsAt) - Date.parse(a.endedAt ?? a.startsAt);
/** How often the front page asks again how many are in (a live count, cheap to serve). */
const REFRESH_MS = 15_000;

export function peopleHere(n: number): string {
  return n === 1 ? '1 person is in' : `${n} people are in`;
}

/** What is on, split the way the front page shows it. */
export function whatsOn(events: readonly EventView[]) {
  return {
    live: events.filter((e) => e.state === 'live').sort(byStart),
    upcoming: events.filter((e) => e.state === 'scheduled').sort(byStart).slice(0, 3),
    past: events.filter((e) => e.state === 'ended').sort(byEnd).slice(0, 3),
  };
}

/** Keeps the front page's events (and the number present) fresh while it is open. */
export function useFreshEvents(data: EventsData): void {
  const { reload } = data;
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
}

/** The front page's list of what is coming and what is over (the live event is the join form's headline). */
export function WhatsOn({ data }: { data: EventsData }) {
  const spaces = useSpaceList();
  const titleId = useId();
  const { upcoming, past } = whatsOn(data.events);
  if (data.loading && data.events.length === 0) return null;
  return (
    <section className="panel whats-on" aria-labelledby={titleId}>
      <h2 id={titleId}>What is on</h2>
      <h3>Coming up</h3>
      {upcoming.length === 0 ? <p className="muted">Nothing is scheduled yet.</p> : (
        <ul className="event-list" aria-label="Coming up">
          {upcoming.map((e) => (
            <li key={e.id} className="event-item">
              <Link href={pathForEvent(e.id)}>{e.title}</Link>
              <p className="muted"><time dateTime={e.startsAt}>{formatTime(e.startsAt)}</time> · {spaceLabel(spaces, e.spaceId)}</p>
            </li>
          ))}
        </ul>
      )}
      <h3>On the record</h3>
      {past.length === 0 ? <p className="muted">No event has ended yet.</p> : (
        <ul className="event-list" aria-label="On the record">
          {past.map((e) => (
            <li key={e.id} className="event-item">
              <Link href={pathForEvent(e.id)}>{e.title}</Link>
              <p className="muted">Ended {formatTime(e.endedAt)} · <Link href={pathForEvent(e.id)}>questions, votes and speakers</Link></p>
            </li>
          ))}
        </ul>
      )}
      <p className="aside"><Link href="/events">All events</Link></p>
    </section>
  );
}

/** The live event on the front page: what it is, how many are in, and one button in (the join form's submit). */
export function LiveNow({ event, present, spaceName, busy }: { event: EventView; present: number; spaceName: string; busy: boolean }) {
  return (
    <section className="live-now" aria-label="Live now">
      <p className="live-badge"><span className="live-dot" aria-hidden="true" />Live now</p>
      <p className="live-title">{event.title}</p>
      <p className="muted live-count" data-present={present}>{peopleHere(present)} the {spaceName}</p>
      {/* The form's own submit: Enter in the name field joins the live event too. */}
      <button type="submit" className="join-live" disabled={busy}>{busy ? 'Joining…' : 'Join the live event'}</button>
    </section>
  );
}
