import type { InvitationView } from '../../../shared/protocol/api.js';
import { api } from '../../net/account.js';
import type { SpaceSummary } from '../../net/spaces.js';
import { roleLabel } from '../../roles.js';
import { formatTime } from '../formatTime.js';
import { RoleBadge } from '../RoleBadge.js';
import { spaceLabel } from '../useSpaceList.js';
import type { Action } from './useAction.js';

const STATUS_LABEL: Record<InvitationView['status'], string> = {
  pending: 'Waiting',
  used: 'Accepted',
  expired: 'Expired',
  revoked: 'Withdrawn',
};

/** Invitations, newest first; one still waiting can be withdrawn. */
export function InvitationTable({ invitations, spaces, action }: { invitations: InvitationView[]; spaces: SpaceSummary[]; action: Action }) {
  if (invitations.length === 0) return <p className="muted">No invitations yet.</p>;
  const newestFirst = [...invitations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Invitations">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">For</th>
            <th scope="col">Status</th>
            <th scope="col">Expires</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((inv) => {
            const where = spaceLabel(spaces, inv.spaceId);
            return (
              <tr key={inv.id}>
                <td>
                  {inv.role === 'visitor'
                    ? <span className="role-badge member-badge">Member (no role)<span className="role-where"> · {where}</span></span>
                    : <RoleBadge role={inv.role} where={where} />}
                </td>
                <td>
                  {inv.email ?? <span className="muted">Anyone with the link</span>}
                  {inv.note && <div className="muted note">{inv.note}</div>}
                </td>
                <td>
                  <span className={`status status-${inv.status}`}>{STATUS_LABEL[inv.status]}</span>
                  {inv.status === 'used' && inv.usedAt && <div className="muted">{formatTime(inv.usedAt)}</div>}
                </td>
                <td>{formatTime(inv.expiresAt)}</td>
                <td className="actions">
                  {inv.status === 'pending' && (
                    <button
                      type="button"
                      className="small secondary"
                      disabled={action.busy}
                      aria-label={`Withdraw the invitation as ${inv.role === 'visitor' ? 'a member' : roleLabel(inv.role)} in ${where}${inv.email ? ` for ${inv.email}` : ''}`}
                      onClick={() => void action.run(() => api('revokeInvitation', { params: { id: inv.id } }), 'Invitation withdrawn: its link no longer works.')}
                    >
                      Withdraw
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
