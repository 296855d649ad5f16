import { useHall } from '../../state/hall.js';
import { PendingItem } from './PendingItem.js';

/** Questions waiting for a moderator, oldest first, with their real authors. */
export function PendingQueue() {
  const pending = useHall((s) => s.queue?.pending ?? null);
  const count = pending?.length ?? 0;
  return (
    <div className="mod-section" role="group" aria-label="Questions waiting">
      <h3>Waiting <span className="count">{count}</span></h3>
      {count === 0 ? (
        <p className="muted">No questions waiting.</p>
      ) : (
        <ul className="queue" aria-label="Questions waiting for a moderator">
          {pending!.map((q) => <PendingItem key={q.id} question={q} />)}
        </ul>
      )}
    </div>
  );
}
