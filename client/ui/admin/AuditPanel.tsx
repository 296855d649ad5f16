import type { AccountWithGrants, AuditEntryView } from '../../../shared/protocol/api.js';
import { formatTime } from '../formatTime.js';

const DETAIL_MAX = 160;

/** The detail of an entry as plain text: `key: value` pairs for a flat object, JSON otherwise. */
function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'object' && !Array.isArray(detail)) {
    const flat = Object.entries(detail as Record<string, unknown>)
      .map(([k, v]) => (v === null ? [k, '—'] : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [k, String(v)] : null));
    if (flat.every((pair) => pair !== null)) return flat.map(([k, v]) => `${k}: ${v}`).join(' · ');
  }
  return JSON.stringify(detail) ?? '';
}

/** Actors that are not accounts: `system:cli` is the command line. */
function actorName(id: string | null, names: Map<string, string>): string {
  if (id === null) return 'System';
  if (id === 'system:cli') return 'Command line';
  return names.get(id) ?? id;
}

/** A target as a person would name it: an account's name, or its kind and a short id. */
function targetName(type: string | null, id: string | null, names: Map<string, string>): string {
  if (!type) return id ?? '';
  if (!id) return type;
  if (type === 'account' && names.has(id)) return names.get(id)!;
  return `${type} ${id.length > 12 ? id.slice(0, 8) : id}`;
}

/** The latest privileged actions, newest first: who did what to what. All shown as text. */
export function AuditPanel({ entries, accounts, reload }: { entries: AuditEntryView[]; accounts: AccountWithGrants[]; reload: () => Promise<void> }) {
  const names = new Map(accounts.map((a) => [a.id, a.displayName]));
  return (
    <section id="audit" className="panel admin-section" aria-labelledby="audit-title">
      <div className="section-head">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" className="small secondary" onClick={() => void reload()}>Refresh</button>
      </div>
      <p className="muted">The last {entries.length === 1 ? 'entry' : `${entries.length} entries`}, newest first.</p>
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const detail = detailText(e.detail);
                return (
                  <tr key={e.id}>
                    <td className="nowrap">{formatTime(e.at)}</td>
                    <td>{actorName(e.actorId, names)}</td>
                    <td><code>{e.action}</code></td>
                    <td className="target" title={e.targetId ?? undefined}>{targetName(e.targetType, e.targetId, names)}</td>
                    <td className="detail" title={detail.length > DETAIL_MAX ? detail : undefined}>
                      {detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX)}…` : detail}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
