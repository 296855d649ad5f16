import { useEffect, useId, useState, type FormEvent } from 'react';
import { ClientMessage } from '../../../shared/protocol/messages.js';
import { AskMessage, QUESTION_MAX } from '../../../shared/protocol/townhall.js';
import { ask } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';

/**
 * Ask a question: up to 300 characters, optionally anonymous to other visitors (never to the
 * moderators). The server's answer is shown under the form: where the question went, or why not.
 */
export function AskForm() {
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const result = useHall((s) => s.results[ClientMessage.Ask]);
  const ended = useHall((s) => s.event.state === 'ended');
  /** The serial of the answer we had when sending; a newer one answers us. */
  const [sentAfter, setSentAfter] = useState<number | null>(null);
  const textId = useId();
  const countId = useId();
  const answerId = useId();
  const length = text.trim().length;
  const answer = sentAfter !== null && result && result.serial > sentAfter ? result : null;

  useEffect(() => {
    if (answer?.ok) setText('');
  }, [answer]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = AskMessage.safeParse({ text, anonymous });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Please write your question.');
      return;
    }
    setProblem(null);
    setSentAfter(result?.serial ?? 0);
    if (!ask(parsed.data)) setProblem('Not connected. Please wait a moment and try again.');
  };

  const over = length > QUESTION_MAX;
  if (ended) return <p className="muted empty">The event has ended, so questions are closed. The record keeps every question asked.</p>;
  return (
    <form className="ask" onSubmit={submit} noValidate aria-label="Ask a question">
      <label htmlFor={textId}>Your question</label>
      <textarea
        id={textId}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${countId} ${answerId}`}
        aria-invalid={problem || over ? true : undefined}
      />
      <p id={countId} className={over ? 'counter over' : 'counter'}>
        {length} / {QUESTION_MAX}
      </p>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        Ask anonymously
        <span className="hint"> (moderators still see your name)</span>
      </label>
      <div id={answerId}>
        {problem && <p className="form-error" role="alert">{problem}</p>}
        {!problem && answer && (
          <p className={answer.ok ? 'ok' : 'form-error'} role={answer.ok ? 'status' : 'alert'}>{answer.text}</p>
        )}
      </div>
      <button type="submit" disabled={over}>Send question</button>
    </form>
  );
}
