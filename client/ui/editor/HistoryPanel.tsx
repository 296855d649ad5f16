import { useCallback, useEffect, useId, useState } from 'react';
import type { SpaceVersion } from '../../../shared/protocol/api.js';
import { ApiCallError } from '../../../shared/protocol/apiClient.js';
import { listVersions, restoreVersion } from '../../net/editor.js';
import { useExhibits } from '../../state/exhibits.js';
import { FormError } from '../FormError.js';
import { formatTime } from '../formatTime.js';

/**
 * The published versions of this space, newest first: who, when, the note and how many
 * exhibits. Any of them can be restored as the draft (after a confirmation); publishing it
 * again makes it what visitors see.
 */
export function HistoryPanel() {
  const [versions, setVersions] = useState<SpaceVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const published = useExhibits((s) => s.version);
  const headingId = useId();

  const load = useCallback((signal?: AbortSignal) => {
    listVersions(signal).then(
      (answer) => {
        setVersions([...answer.versions].sort((a, b) => b.version - a.version));
        setError(null);
      },
      (err: unknown) => {
        if (signal?.aborted) return;
        setError(err instanceof ApiCallError ? err.message : 'Could not load the history.');
      },
    );
  }, []);

  // Again whenever a new version is published (by anyone).
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load, published]);

  const restore = async (version: number) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const answer = await restoreVersion(version);
      setDone(`Version ${answer.restored} is the draft again (${answer.exhibitCount === 1 ? '1 exhibit' : `${answer.exhibitCount} exhibits`}). Publish to show it to visitors.`);
      setConfirming(null);
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : 'Could not restore that version.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="editor-sub history" aria-labelledby={headingId}>
      <h3 id={headingId}>Published versions</h3>
      {versions === null && !error && <p className="hint">Loading…</p>}
      {versions?.length === 0 && <p className="hint">Nothing has been published here yet.</p>}
      {versions && versions.length > 0 && (
        <ol className="versions">
          {versions.map((v) => (
            <li key={v.version}>
              <p className="version-head">
                <strong>Version {v.version}</strong>
                {v.version === published && <span className="live-tag">on show</span>}
                <span className="muted"> · {v.exhibitCount === 1 ? '1 exhibit' : `${v.exhibitCount} exhibits`}</span>
              </p>
              <p className="muted version-by">{v.publishedBy || 'someone'} · {formatTime(v.publishedAt)}</p>
              {v.note && <p className="version-note">“{v.note}”</p>}
              {confirming === v.version ? (
                <span className="confirm" role="group" aria-label={`Restore version ${v.version}?`}>
                  <span className="muted">Replace the draft with this version?</span>
                  <button type="button" className="small warn" autoFocus disabled={busy} onClick={() => void restore(v.version)}>
                    Restore version {v.version}
                  </button>
                  <button type="button" className="small secondary" onClick={() => setConfirming(null)}>Cancel</button>
                </span>
              ) : (
                <button type="button" className="small secondary" onClick={() => setConfirming(v.version)}>
                  Restore as draft
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <FormError message={error} />
      {done && <p className="ok" role="status">{done}</p>}
    </section>
  );
}
