import { useId } from 'react';
import { useUi } from '../state/ui.js';

/** Who is here. Names are untrusted: rendered only as React text. */
export function PeopleList() {
  const people = useUi((s) => s.people);
  const selfId = useUi((s) => s.selfId);
  const headingId = useId();
  return (
    <section className="panel people" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {people.length === 1 ? '1 person here' : `${people.length} people here`}
      </h2>
      <ul aria-label="People in this space">
        {people.map((p) => (
          <li key={p.id} className={p.connected ? undefined : 'away'}>
            {p.name}
            {p.id === selfId && <span className="you"> (you)</span>}
            {!p.connected && <span className="muted"> · reconnecting</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
