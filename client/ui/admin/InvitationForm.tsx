import { useState, type FormEvent } from 'react';
import { GrantableRole } from '../../../shared/access.js';
import type { InvitationCreated } from '../../../shared/protocol/api.js';
import { api } from '../../net/account.js';
import type { SpaceSummary } from '../../net/spaces.js';
import { roleLabel } from '../../roles.js';
import { Field } from '../Field.js';
import { SelectField } from '../SelectField.js';
import { GRANTABLE } from './roleOptions.js';
import { SpaceOptions } from './SpaceOptions.js';
import type { Action } from './useAction.js';

const VALID_FOR = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 720, label: '30 days' },
] as const;

/** Invite someone with a role, in one space or all; the link is shown once, by the panel. */
export function InvitationForm({ spaces, action, onCreated }: {
  spaces: SpaceSummary[];
  action: Action;
  onCreated: (created: InvitationCreated) => void;
}) {
  const [role, setRole] = useState<GrantableRole>('curator');
  const [spaceId, setSpaceId] = useState('');
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [hours, setHours] = useState(168);
  const global = role === 'admin';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (action.busy) return;
    let created: InvitationCreated | null = null;
    const ok = await action.run(async () => {
      created = await api('createInvitation', {
        body: {
          role,
          spaceId: global || !spaceId ? null : spaceId,
          email: email.trim() ? email.trim() : null,
          note: note.trim() ? note.trim() : null,
          expiresInHours: hours,
        },
      });
    }, 'Invitation created. Copy the link below and send it to the person you invite.');
    if (ok && created) {
      onCreated(created);
      setEmail('');
      setNote('');
    }
  };

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate aria-label="New invitation">
      <SelectField label="Role" value={role} onChange={(e) => setRole(GrantableRole.parse(e.target.value))}>
        {GRANTABLE.map((r) => (
          <option key={r} value={r}>{roleLabel(r)}</option>
        ))}
      </SelectField>
      <SelectField label="Space" value={global ? '' : spaceId} disabled={global} hint={global ? 'Admins hold their role in all spaces.' : undefined} onChange={(e) => setSpaceId(e.target.value)}>
        <SpaceOptions spaces={spaces} />
      </SelectField>
      <Field label="Email (optional)" type="email" name="email" autoComplete="off" hint="Pre-fills the form; the link works for whoever holds it." value={email} onChange={(e) => setEmail(e.target.value)} />
      <Field label="Note (optional)" name="note" maxLength={200} autoComplete="off" hint="For admins only, e.g. who asked for it." value={note} onChange={(e) => setNote(e.target.value)} />
      <SelectField label="Valid for" value={String(hours)} onChange={(e) => setHours(Number(e.target.value))}>
        {VALID_FOR.map((v) => (
          <option key={v.hours} value={v.hours}>{v.label}</option>
        ))}
      </SelectField>
      <div className="form-actions">
        <button type="submit" disabled={action.busy}>Create invitation</button>
      </div>
    </form>
  );
}
