import { useEffect } from 'react';
import { loadPending, moderate } from '../../net/consensus.js';
import { useConsensus } from '../../state/consensus.js';

/**
 * For moderators: the statements people added, waiting to be accepted or rejected. Loaded once
 * when shown; after that the room pushes the list whenever someone adds a statement or another
 * moderator decides one, on whichever server process they are.
 */
export function PendingStatements() {
  const pending = useConsensus((s) => s.pending);
  const conversationId = useConsensus((s) => s.conversation?.id);
  useEffect(() => {
    void loadPending();
  }, [conversationId]);
  if (!pending || pending.length === 0) {
    return <p className="consensus-check empty" data-pending="0">No statements are waiting for a moderator.</p>;
  }
  const decide = (number: number, state: 'accepted' | 'rejected') => void moderate(number, state);
  return (
    <section className="consensus-pending" aria-label="Statements waiting for a moderator" data-pending={pending.length}>
      <h3>Waiting for a moderator <span className="count">{pending.length}</span></h3>
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
