import { useMemo } from 'react';
import { csvTable } from '../../../shared/csv.js';
import type { MemberInvitesResult } from '../../../shared/protocol/members.js';
import { useFileUrl } from '../useFileUrl.js';

function summary(r: MemberInvitesResult): string {
  const rows = `${r.rows} ${r.rows === 1 ? 'row' : 'rows'}`;
  const bad = r.problems.length === 0 ? '' : ` ${r.problems.length} ${r.problems.length === 1 ? 'row was' : 'rows were'} not used.`;
  if (r.dryRun) return `Checked ${rows}: ${r.invited.length} can be invited.${bad} Nothing was made yet.`;
  return `Made ${r.invited.length} ${r.invited.length === 1 ? 'invitation' : 'invitations'} from ${rows}.${bad}`;
}

/**
 * What a members CSV came to: a sentence, and each row that made no invitation with its code and
 * the reason (cells are shown as text; the downloadable report defuses formulas).
 */
export function MemberReport({ result }: { result: MemberInvitesResult }) {
  const report = useMemo(() => (result.problems.length > 0
    ? csvTable(['row', 'value', 'code', 'reason'], result.problems.map((p) => [p.row, p.value, p.code, p.message]))
    : null), [result]);
  const reportUrl = useFileUrl(report);
  const replaced = result.invited.filter((i) => i.replaced).length;
  return (
    <div className="member-report">
      <p className="small" role="status" data-testid="member-summary">
        {summary(result)}
        {replaced > 0 ? ` ${replaced} replace${result.dryRun ? '' : 'd'} a pending invitation.` : ''}
      </p>
      {result.problems.length > 0 && (
        <table className="member-problems small">
          <caption className="visually-hidden">Rows that made no invitation</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Cell</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {result.problems.map((p) => (
              <tr key={`${p.row}-${p.code}`} data-code={p.code}>
                <td>{p.row}</td>
                <td><code>{p.value}</code></td>
                <td><span className="member-code">{p.code}</span> {p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reportUrl && <p className="small"><a href={reportUrl} download="member-rows-not-used.csv">Download these rows (CSV)</a></p>}
    </div>
  );
}
