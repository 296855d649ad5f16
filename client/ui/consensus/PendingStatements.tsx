import { useEffect, useState } from 'react';
import { loadPending, moderate } from '../../net/consensus.js';
import { useConsensus } from '../../state/consensus.js';

/** For moderators: the statements people added, waiting to be accepted or rejected. */
export function PendingStatements() {
  const [pending, setPending] = useState<{ number: number; text: string }[]>([]);
  const count = useConsensus((s) => s.conversation?.pendingCount ?? 0);
  const refresh = () => void loadPending().then(setPending);
  useEffect(refresh, [count]);
  if (pending.length === 0) {
    return <button type="button" className="link consensus-check" onClick={refresh}>Check for statements waiting for a moderator</button>;
  }
  const decide = (number: number, state: 'accepted' | 'rejected') => void moderate(number, state).then((done) => {
    if (done) setPending((list) => list.filter((s) => s.number !== number));
  });
  return (
    <section className="consensus-pending" aria-label="Statements waiting for a moderator">
      <div className="panel-head">
        <h3>Waiting for a moderator <span className="count">{pending.length}</span></h3>
        <button type="button" className="link" onClick={refresh}>Refresh</button>
      </div>
      <ul>
        {pending.map((s) => (
          <li key={s.number}>
            <p>{s.text}</p>
            <div className="button-row">
              <button type="button" className="secondary" onClick={() => decide(s.number, 'accepted')}>Accept</button>
              <button type="button" className="secondary" onClick={() => decide(s.number, 'rejected')}>Reject</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
