import { useId, useState, type FormEvent } from 'react';
import { askQuestion } from '../../net/consensus.js';
import { useConsensus } from '../../state/consensus.js';

/** For a space's staff: ask a consensus question, with its first statements one per line (a new question replaces the shown one). */
export function AskQuestion({ onDone }: { onDone: () => void }) {
  const [question, setQuestion] = useState('');
  const [statements, setStatements] = useState('');
  const busy = useConsensus((s) => s.busy);
  const error = useConsensus((s) => s.error);
  const questionId = useId();
  const statementsId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lines = statements.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    void askQuestion(question, lines).then((asked) => {
      if (asked) onDone();
    });
  };
  return (
    <form className="panel consensus-panel consensus-ask" onSubmit={submit} aria-label="Ask a consensus question">
      <label htmlFor={questionId}>Question</label>
      <input id={questionId} value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} />
      <label htmlFor={statementsId}>First statements, one per line</label>
      <textarea id={statementsId} value={statements} rows={5} onChange={(e) => setStatements(e.target.value)} />
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="button-row">
        <button type="submit" disabled={busy || question.trim().length === 0}>Ask</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
