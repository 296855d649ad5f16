import { Link } from '../Link.js';

/** `/events/<id>` for an event the server does not know: it was never made, or the link lost part of its id. */
export function LostEvent({ id }: { id: string }) {
  return (
    <main className="landing">
      <section className="panel join lost" aria-labelledby="lost-title">
        <h1 id="lost-title">There is no such event</h1>
        <p className="lede">
          No event has the id in this link. The link may have been cut short when it was copied, or the event was never scheduled here.
        </p>
        <p className="muted lost-path">
          Event id: <code>{id.length > 80 ? `${id.slice(0, 77)}…` : id}</code>
        </p>
        <nav aria-label="Ways on" className="lost-ways">
          <Link className="button" href="/events">See all events</Link>
          <Link className="button secondary" href="/">Go to the front page</Link>
        </nav>
      </section>
    </main>
  );
}
