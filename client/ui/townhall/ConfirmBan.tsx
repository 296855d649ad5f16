import { useId, useState, type FormEvent } from 'react';
import { ADDRESS_BAN_MAX_HOURS, BanMessage } from '../../../shared/protocol/townhall.js';
import { ban } from '../../net/townhall.js';
import type { Person } from '../../state/ui.js';

const HOURS = Array.from({ length: ADDRESS_BAN_MAX_HOURS }, (_, i) => i + 1);

/**
 * The second step of banning someone: a reason (it goes to the audit log), and only if the
 * moderator asks, their address too for a few hours (everyone behind it, say a school, then
 * enters only by signing in). Then do it or cancel.
 */
export function ConfirmBan({ person, onDone }: { person: Person; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [address, setAddress] = useState(false);
  const [hours, setHours] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const reasonId = useId();
  const addressId = useId();
  const hoursId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = BanMessage.safeParse({ sessionId: person.id, reason, ...(address ? { addressHours: hours } : {}) });
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
      <span className="check-row">
        <input id={addressId} type="checkbox" checked={address} onChange={(e) => setAddress(e.target.checked)} />
        <label htmlFor={addressId}>Also keep guests from their address out (a school or library behind it too)</label>
      </span>
      {address && (
        <span className="check-row">
          <label htmlFor={hoursId}>For</label>
          <select id={hoursId} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {HOURS.map((h) => <option key={h} value={h}>{h} hour{h === 1 ? '' : 's'}</option>)}
          </select>
        </span>
      )}
      {problem && <p className="form-error" role="alert">{problem}</p>}
      <span className="button-row">
        <button type="submit" className="small danger">Ban {person.name}</button>
        <button type="button" className="small secondary" onClick={onDone}>Cancel</button>
      </span>
    </form>
  );
}
