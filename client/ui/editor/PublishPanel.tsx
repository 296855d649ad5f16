import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiCallError } from '../../../shared/protocol/apiClient.js';
import { publishDraft } from '../../net/editor.js';
import { faceExhibit, selectExhibit, useExhibits } from '../../state/exhibits.js';
import { FormError } from '../FormError.js';
import { useSpaceList } from '../useSpaceList.js';
import { draftProblems } from './draftProblems.js';

const NOTE_MAX = 200;

/** Jump to an exhibit that needs work: select it and turn to it. */
function goTo(id: string): void {
  selectExhibit(id);
  const e = useExhibits.getState().draft?.find((x) => x.id === id);
  if (e) faceExhibit(e);
}

/**
 * Publishing the draft as the next numbered version, with an optional note. What would stop it
 * is listed first (each exhibit a click away); the server's answer is shown as it says it.
 */
export function PublishPanel() {
  const draft = useExhibits((s) => s.draft);
  const spaces = useSpaceList();
  const problems = useMemo(() => draftProblems(draft ?? [], spaces.map((s) => s.id)), [draft, spaces]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const noteId = useId();
  const headingId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const version = await publishDraft(note.trim());
      setDone(`Published version ${version.version} (${version.exhibitCount === 1 ? '1 exhibit' : `${version.exhibitCount} exhibits`}). Visitors see it now.`);
      setNote('');
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : 'Could not publish. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="editor-sub publish" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
      <h3 id={headingId}>Publish the draft</h3>
      {problems.length > 0 ? (
        <div className="problems">
          <p className="warn-text">
            {problems.length === 1 ? '1 exhibit needs' : `${problems.length} exhibits need`} work before publishing:
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p.id}>
                <button type="button" className="link" onClick={() => goTo(p.id)}>{p.title || 'Untitled'}</button>
                {' '}
                <span className="muted">{p.problems.join('; ')}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="hint">Visitors will see the draft as it is now. Earlier versions stay in the history.</p>
      )}
      <div className="field">
        <label htmlFor={noteId}>Note (optional)</label>
        <input
          id={noteId}
          type="text"
          value={note}
          maxLength={NOTE_MAX}
          placeholder="What changed, e.g. “Added the housing charts”"
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="small" disabled={busy}>{busy ? 'Publishing…' : 'Publish'}</button>
      </div>
      <FormError message={error} />
      {done && <p className="ok" role="status">{done}</p>}
    </form>
  );
}
