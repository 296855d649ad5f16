import { useId, useState, type FormEvent } from 'react';
import { BanMessage } from '../../../shared/protocol/townhall.js';
import { ban } from '../../net/townhall.js';
import type { Person } from '../../state/ui.js';

/** The second step of banning someone: a reason (it goes to the audit log), then do it or cancel. */
export function ConfirmBan({ person, onDone }: { person: Person; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reasonId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = BanMessage.safeParse({ sessionId: person.id, reason });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Give a reason for the ban.');
      return;
    }
    ban(parsed.data);
    onDone();
  };
  return (
    <form className="confirm" onSubmit={submit} noValidate aria-label={`Ban ${person.name}?`}>
      <label htmlFor={reasonId}>Reason for banning {person.name}</label>
      <input id={reasonId} value={reason} maxLength={200} autoFocus onChange={(e) => setReason(e.target.value)} aria-invalid={problem ? true : undefined} />
      {problem && <p className="form-error" role="alert">{problem}</p>}
      <span className="button-row">
        <button type="submit" className="small danger">Ban {person.name}</button>
        <button type="button" className="small secondary" onClick={onDone}>Cancel</button>
      </span>
    </form>
  );
}
