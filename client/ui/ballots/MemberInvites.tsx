import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { csvTable } from '../../../shared/csv.js';
import { MEMBER_CSV_MAX_CHARS, MEMBER_ROWS_MAX, type MemberInvitesResult } from '../../../shared/protocol/members.js';
import { inviteMembers } from '../../net/members.js';
import { useUi } from '../../state/ui.js';
import { useFileUrl } from '../useFileUrl.js';
import { MemberReport } from './MemberReport.js';

/**
 * Curators and admins: bring members in from a CSV of email addresses (a file, or pasted). A
 * check reports every row that cannot be used; creating makes an invitation link per good row,
 * with no role: the account it makes may vote on ballots that take accounts. No email is sent:
 * the links are downloaded here, this once, to send by whatever means the party uses.
 */
export function MemberInvites() {
  const base = useId();
  const spaceId = useUi((s) => s.spaceId);
  const [csv, setCsv] = useState('');
  const [reissue, setReissue] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MemberInvitesResult | null>(null);

  const links = useMemo(() => (result && !result.dryRun && result.invited.length > 0
    ? csvTable(['row', 'email', 'invitation_link', 'expires_at'], result.invited.map((i) => [i.row, i.email, `${location.origin}${i.path ?? ''}`, i.expiresAt]))
    : null), [result]);
  const linksUrl = useFileUrl(links);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    // A character is at most 4 bytes in UTF-8: anything bigger cannot fit the limit.
    if (file.size > MEMBER_CSV_MAX_CHARS * 4) {
      setError(`That file is too big: at most ${MEMBER_ROWS_MAX.toLocaleString('en')} rows at a time. Split it into smaller files.`);
      return;
    }
    setError(null);
    setResult(null);
    setCsv(await file.text());
  };

  const send = async (dryRun: boolean) => {
    setBusy(true);
    const answer = await inviteMembers(spaceId, { csv, reissue, dryRun });
    setBusy(false);
    if ('error' in answer) {
      setError(answer.error);
      setResult(null);
      return;
    }
    setError(null);
    setResult(answer);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  return (
    <form className="member-invites" onSubmit={onSubmit} aria-labelledby={`${base}-h`}>
      <h3 id={`${base}-h`} className="small">Bring members in</h3>
      <p className="muted small">
        {`Email addresses, one a row (or a CSV with an "email" column), at most ${MEMBER_ROWS_MAX.toLocaleString('en')} at a time. Each becomes an invitation link that makes an account with no staff role; accounts may vote on ballots that take accounts. No email is sent: you download the links and send them yourself.`}
      </p>
      <label className="field">
        <span>CSV file</span>
        <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e)} />
      </label>
      <label className="field">
        <span>Email addresses</span>
        <textarea value={csv} onChange={(e) => { setCsv(e.target.value); setResult(null); }} rows={4} spellCheck={false} />
      </label>
      <label className="check">
        <input type="checkbox" checked={reissue} onChange={(e) => setReissue(e.target.checked)} />
        {' Issue new links to addresses already invited (their old links stop working)'}
      </label>
      <div className="button-row">
        <button type="button" className="small secondary" disabled={busy || csv.trim() === ''} onClick={() => void send(true)}>Check</button>
        <button type="submit" className="small" disabled={busy || csv.trim() === ''}>{busy ? 'Working…' : 'Create invitations'}</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {result && <MemberReport result={result} />}
      {result && !result.dryRun && linksUrl && (
        <p className="small">
          <a className="button small" href={linksUrl} download={`member-invitations-${spaceId}.csv`}>Download invitation links (CSV)</a>
          <span className="muted">{' The links are shown only now; each works once.'}</span>
        </p>
      )}
    </form>
  );
}
