import { useState, type FormEvent } from 'react';
import { GrantableRole } from '../../../shared/access.js';
import type { AccountWithGrants } from '../../../shared/protocol/api.js';
import { api } from '../../net/account.js';
import type { SpaceSummary } from '../../net/spaces.js';
import { roleLabel } from '../../roles.js';
import { SelectField } from '../SelectField.js';
import { spaceLabel } from '../useSpaceList.js';
import { ActionResult } from './ActionResult.js';
import { GRANTABLE } from './roleOptions.js';
import { SpaceOptions } from './SpaceOptions.js';
import { useAction } from './useAction.js';

/** Give an existing account a role, in one space or in all. */
export function GrantsPanel({ accounts, spaces, reload }: { accounts: AccountWithGrants[]; spaces: SpaceSummary[]; reload: () => Promise<void> }) {
  const action = useAction(reload);
  const [accountId, setAccountId] = useState('');
  const [role, setRole] = useState<GrantableRole>('moderator');
  const [spaceId, setSpaceId] = useState('');
  const global = role === 'admin';
  const chosen = accounts.find((a) => a.id === accountId) ?? accounts[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (action.busy || !chosen) return;
    const where = global || !spaceId ? null : spaceId;
    void action.run(
      () => api('createGrant', { body: { accountId: chosen.id, role, spaceId: where } }),
      `${chosen.displayName} is now ${roleLabel(role)} in ${spaceLabel(spaces, where)}.`,
    );
  };

  return (
    <section id="grants" className="panel admin-section" aria-labelledby="grants-title">
      <h2 id="grants-title">Grants</h2>
      <p className="muted">Give someone who already has an account a role. Take roles away in Accounts above.</p>
      <form className="admin-form" onSubmit={submit} noValidate aria-label="New grant">
        <SelectField label="Account" value={chosen?.id ?? ''} disabled={accounts.length === 0} onChange={(e) => setAccountId(e.target.value)}>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>{`${a.displayName} (${a.email})`}</option>
          ))}
        </SelectField>
        <SelectField label="Role" value={role} onChange={(e) => setRole(GrantableRole.parse(e.target.value))}>
          {GRANTABLE.map((r) => (
            <option key={r} value={r}>{roleLabel(r)}</option>
          ))}
        </SelectField>
        <SelectField label="Space" value={global ? '' : spaceId} disabled={global} hint={global ? 'Admins hold their role in all spaces.' : undefined} onChange={(e) => setSpaceId(e.target.value)}>
          <SpaceOptions spaces={spaces} />
        </SelectField>
        <div className="form-actions">
          <button type="submit" disabled={action.busy || !chosen}>Grant role</button>
        </div>
      </form>
      <ActionResult action={action} />
    </section>
  );
}
