import { useEffect, useId, useState, type FormEvent } from 'react';
import { NAME_MAX_LENGTH } from '../../shared/constants.js';
import { DisplayName } from '../../shared/protocol/messages.js';
import { enterSpace } from '../net/connection.js';
import { prefetchSpace } from '../net/spaces.js';
import { useSpaces } from '../state/spaces.js';
import { useUi } from '../state/ui.js';

/** The landing page: choose a display name and enter the space named in the address. */
export function JoinForm() {
  const spaceId = useUi((s) => s.spaceId);
  const status = useUi((s) => s.status);
  const serverError = useUi((s) => s.error);
  const [name, setName] = useState(() => useUi.getState().name);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const busy = status === 'connecting';
  const entry = useSpaces((s) => s.entries[spaceId]);
  const space = entry?.status === 'ready' ? entry.layout : null;
  /** The server said there is no such space: nothing to enter. */
  const unknown = entry?.status === 'missing';
  const loadError = entry?.status === 'missing' || entry?.status === 'failed' ? entry.error : null;
  const message = problem ?? serverError ?? loadError;

  useEffect(() => {
    if (spaceId) prefetchSpace(spaceId);
  }, [spaceId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy || unknown) return;
    const parsed = DisplayName.safeParse(name);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Please type a display name.');
      return;
    }
    setProblem(null);
    void enterSpace(spaceId, parsed.data);
  };

  return (
    <main className="landing">
      <form className="panel join" onSubmit={submit} noValidate>
        <h1>Hustings</h1>
        <p className="lede" aria-busy={!entry || entry.status === 'loading' ? true : undefined}>
          {space ? <>You are about to enter <strong>{space.name}</strong>.</> : 'Choose a name to enter.'}
        </p>
        <label htmlFor={inputId}>Display name</label>
        <input
          id={inputId}
          name="name"
          autoComplete="nickname"
          autoFocus
          maxLength={NAME_MAX_LENGTH * 2}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : undefined}
          disabled={busy}
        />
        {message && (
          <p id={errorId} className="form-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" disabled={busy || unknown}>
          {busy ? 'Entering…' : 'Enter'}
        </button>
        {unknown && <a href="/">Go to the plaza</a>}
      </form>
    </main>
  );
}
