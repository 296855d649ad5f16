import { useId, useState, type FormEvent } from 'react';
import { STATEMENT_MAX } from '../../../shared/protocol/consensus.js';
import { addStatement } from '../../net/consensus.js';
import { useConsensus } from '../../state/consensus.js';

/** Add a statement of your own: a moderator accepts it before others vote on it (staff's go straight in). */
export function AddStatement() {
  const [text, setText] = useState('');
  const busy = useConsensus((s) => s.busy);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void addStatement(text).then((taken) => {
      if (taken) setText('');
    });
  };
  return (
    <form className="consensus-add" onSubmit={submit}>
      <label htmlFor={id}>Add a statement (one idea, in your own words)</label>
      <textarea id={id} value={text} maxLength={STATEMENT_MAX} rows={2} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="secondary" disabled={busy || text.trim().length === 0}>Add statement</button>
    </form>
  );
}
