import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { BALLOT_CODES_MAX, type CodeCounts } from '../../../shared/protocol/ballots.js';
import { csvTable } from '../../../shared/csv.js';
import { issueCodes, loadCodeCounts } from '../../net/ballots.js';
import type { LiveBallot } from '../../state/ballots.js';
import { useFileUrl } from '../useFileUrl.js';

/**
 * Staff: one-time ballot codes for a ballot that takes them. How many are issued and used; a
 * number to issue; and the new codes, shown this once (only their hashes are kept), to download
 * as CSV or print as a sheet to cut up and hand out.
 */
export function BallotCodes({ live }: { live: LiveBallot }) {
  const { ballot } = live;
  const base = useId();
  const [counts, setCounts] = useState<CodeCounts | null>(null);
  const [count, setCount] = useState(20);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  // The tallies change with every cast: a used code shows as used when the turnout moves.
  const turnout = live.turnout.codes;

  // Only the latest answer counts (an earlier request may be answered after a later one).
  const asked = useRef(0);
  const refresh = useCallback(async () => {
    const n = ++asked.current;
    const answer = await loadCodeCounts(ballot.id);
    if (n === asked.current) setCounts(answer);
  }, [ballot.id]);
  useEffect(() => {
    void refresh();
  }, [refresh, turnout]);

  const csv = useMemo(() => (codes ? csvTable(['ballot', 'code'], codes.map((c) => [ballot.title, c])) : null), [codes, ballot.title]);
  const url = useFileUrl(csv);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const answer = await issueCodes(ballot.id, count);
    setBusy(false);
    if ('error' in answer) {
      setError(answer.error);
      return;
    }
    setError(null);
    setCodes(answer.codes);
    await refresh();
  };

  return (
    <section className="ballot-codes" aria-labelledby={`${base}-h`}>
      <h3 id={`${base}-h`} className="small">Ballot codes</h3>
      <p className="small" role="status" data-testid="code-counts">
        {counts ? `${counts.issued} ${counts.issued === 1 ? 'code' : 'codes'} issued, ${counts.used} used.` : 'Counting the codes…'}
      </p>
      {ballot.phase !== 'closed' && (
        <form className="ballot-codes-form" onSubmit={(e) => void onSubmit(e)}>
          <label className="field">
            <span>How many codes</span>
            <input type="number" min={1} max={BALLOT_CODES_MAX} value={count} onChange={(e) => setCount(Number(e.target.value))} />
          </label>
          <button type="submit" className="small" disabled={busy || !(count >= 1 && count <= BALLOT_CODES_MAX)}>{busy ? 'Issuing…' : 'Issue codes'}</button>
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {codes && (
        <div className="ballot-code-sheet" aria-labelledby={`${base}-sheet`}>
          <h4 id={`${base}-sheet`} className="small">{`${codes.length} new ${codes.length === 1 ? 'code' : 'codes'} for “${ballot.title}”`}</h4>
          <p className="small screen-only" role="note">
            These codes are shown only now: the server keeps a fingerprint of each, not the code. Download or print them before you hide them. Each works once.
          </p>
          <ol className="ballot-code-list" data-testid="issued-codes">
            {codes.map((c) => <li key={c}><code>{c}</code></li>)}
          </ol>
          <p className="ballot-code-actions screen-only">
            {url && <a className="button small" href={url} download={`ballot-codes-${ballot.id}.csv`}>Download codes (CSV)</a>}
            <button type="button" className="small secondary" onClick={() => window.print()}>Print codes</button>
            <button type="button" className="small secondary" onClick={() => setCodes(null)}>Hide codes</button>
          </p>
        </div>
      )}
    </section>
  );
}
