import { useState, type FormEvent } from 'react';
import { Email, NewPassword, PASSWORD_MIN, type InvitationPreview } from '../../shared/protocol/api.js';
import { DisplayName } from '../../shared/protocol/messages.js';
import { NAME_MAX_LENGTH } from '../../shared/constants.js';
import { loginPath } from '../route.js';
import { Field } from './Field.js';
import { FormError } from './FormError.js';
import { Link } from './Link.js';

export interface NewAccount { displayName: string; email: string; password: string }

type Problems = Partial<Record<'displayName' | 'email' | 'password' | 'confirm', string>>;

/** The new-account half of accepting an invitation, checked here with the server's own rules. */
export function InviteAcceptForm({ preview, token, busy, error, onAccept }: {
  preview: InvitationPreview;
  token: string;
  busy: boolean;
  error: string | null;
  onAccept: (account: NewAccount) => void;
}) {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState(preview.email ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const name = DisplayName.safeParse(displayName);
    const mail = Email.safeParse(email);
    const pass = NewPassword.safeParse(password);
    const found: Problems = {};
    if (!name.success) found.displayName = name.error.issues[0]?.message;
    if (!mail.success) found.email = mail.error.issues[0]?.message;
    if (!pass.success) found.password = pass.error.issues[0]?.message;
    else if (confirm !== password) found.confirm = 'The two passwords are not the same.';
    setProblems(found);
    if (name.success && mail.success && pass.success && !found.confirm) {
      onAccept({ displayName: name.data, email: mail.data, password: pass.data });
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Create your account">
      <h2 className="form-title">Create your account</h2>
      <Field label="Display name" name="displayName" autoComplete="name" autoFocus maxLength={NAME_MAX_LENGTH * 2} hint="Shown to everyone on your name tag." value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={problems.displayName} disabled={busy} />
      <Field label="Email" type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={problems.email} disabled={busy} />
      <Field label="Password" type="password" name="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} value={password} onChange={(e) => setPassword(e.target.value)} error={problems.password} disabled={busy} />
      <Field label="Confirm password" type="password" name="confirm" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={problems.confirm} disabled={busy} />
      <FormError message={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Creating your account…' : 'Create account and accept'}
      </button>
      <p className="aside">
        Already have an account? <Link href={loginPath(`/invite/${encodeURIComponent(token)}`)}>Sign in</Link> first.
      </p>
    </form>
  );
}
