import { useId, useState, type FormEvent } from 'react';
import { ClientMessage } from '../../../shared/protocol/messages.js';
import { EventThanksMessage, THANKS_MAX } from '../../../shared/protocol/townhall.js';
import { thankEveryone } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';

/**
 * The host's closing note: a line of thanks that the stage screen shows once the event has
 * ended, next to where the record is. Only for a live or ended event (the server checks).
 */
export function ThanksForm() {
  const event = useHall((s) => s.event);
  const result = useHall((s) => s.results[ClientMessage.EventThanks]);
  const [text, setText] = useState(event.thanks);
  const [problem, setProblem] = useState<string | null>(null);
  /** The event's state when the note was sent: the answer is stale once the event has moved on. */
  const [sentWhile, setSentWhile] = useState('');
  const fieldId = useId();
  if (event.state !== 'live' && event.state !== 'ended') return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = EventThanksMessage.safeParse({ text });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'That note cannot be shown.');
      return;
    }
    setProblem(null);
    setSentWhile(event.state);
    thankEveryone(parsed.data.text);
  };
  return (
    <form className="thanks-form" onSubmit={submit} noValidate aria-label="Closing note">
      <label htmlFor={fieldId}>Closing note on the stage screen{event.state === 'live' ? ' (shown when the event ends)' : ''}</label>
      <input id={fieldId} value={text} maxLength={THANKS_MAX * 2} placeholder="Thank you all for coming tonight." onChange={(e) => setText(e.target.value)} />
      {problem && <p className="form-error" role="alert">{problem}</p>}
      {!problem && result && sentWhile === event.state && <p className={result.ok ? 'ok' : 'form-error'} role="status">{result.text}</p>}
      <button type="submit" className="small">{event.thanks ? 'Change the note' : 'Thank everyone'}</button>
    </form>
  );
}
