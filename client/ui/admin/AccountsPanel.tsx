import type { AccountWithGrants } from '../../../shared/protocol/api.js';
import { api } from '../../net/account.js';
import type { SpaceSummary } from '../../net/spaces.js';
import { roleLabel } from '../../roles.js';
import { formatTime } from '../formatTime.js';
import { RoleBadge } from '../RoleBadge.js';
import { spaceLabel } from '../useSpaceList.js';
import { ActionResult } from './ActionResult.js';
import { useAction } from './useAction.js';

/** Every account: its roles (each can be taken away) and whether it may sign in. */
export function AccountsPanel({ accounts, spaces, selfId, reload }: {
  accounts: AccountWithGrants[];
  spaces: SpaceSummary[];
  selfId: string;
  reload: () => Promise<void>;
}) {
  const action = useAction(reload);
  const setDisabled = (account: AccountWithGrants, disabled: boolean) => void action.run(
    () => api('updateAccount', { params: { id: account.id }, body: { disabled } }),
    disabled ? `${account.displayName} can no longer sign in.` : `${account.displayName} can sign in again.`,
  );
  return (
    <section id="accounts" className="panel admin-section" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Accounts</h2>
      <ActionResult action={action} />
      {accounts.length === 0 ? (
        <p className="muted">No accounts yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id} className={account.disabledAt ? 'disabled' : undefined}>
                  <th scope="row">
                    {account.displayName}
                    {account.id === selfId && <span className="muted"> (you)</span>}
                  </th>
                  <td className="email">{account.email}</td>
                  <td>
                    {account.grants.length === 0 ? <span className="muted">Visitor</span> : (
                      <ul className="badge-list">
                        {account.grants.map((g) => {
                          const where = spaceLabel(spaces, g.spaceId);
                          return (
                            <li key={g.id} className="grant">
                              <RoleBadge role={g.role} where={where} />
                              <button
                                type="button"
                                className="icon"
                                disabled={action.busy}
                                aria-label={`Take away ${roleLabel(g.role)} in ${where} from ${account.displayName}`}
                                title="Take this role away"
                                onClick={() => void action.run(() => api('revokeGrant', { params: { id: g.id } }), `${account.displayName} is no longer ${roleLabel(g.role)} in ${where}.`)}
                              >
                                ✕
                              </button>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                  <td>{account.disabledAt ? <span className="status-off">Disabled {formatTime(account.disabledAt)}</span> : 'Active'}</td>
                  <td className="actions">
                    {account.id !== selfId && (
                      <button
                        type="button"
                        className="small secondary"
                        disabled={action.busy}
                        aria-label={`${account.disabledAt ? 'Enable' : 'Disable'} ${account.displayName}`}
                        onClick={() => setDisabled(account, !account.disabledAt)}
                      >
                        {account.disabledAt ? 'Enable' : 'Disable'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
