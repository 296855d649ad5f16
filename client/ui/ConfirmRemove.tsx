import { removePerson } from '../net/connection.js';
import type { Person } from '../state/ui.js';

/** The second step of removing someone from a space: say who, then do it or cancel. */
export function ConfirmRemove({ person, onDone }: { person: Person; onDone: () => void }) {
  return (
    <span className="confirm" role="group" aria-label={`Remove ${person.name}?`}>
      <span className="muted">Remove from this space?</span>
      <button
        type="button"
        className="small danger"
        autoFocus
        onClick={() => {
          removePerson(person.id);
          onDone();
        }}
      >
        Remove {person.name}
      </button>
      <button type="button" className="small secondary" onClick={onDone}>
        Cancel
      </button>
    </span>
  );
}
