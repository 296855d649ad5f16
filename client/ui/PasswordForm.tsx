import { useState, type FormEvent } from 'react';
import { NewPassword, PASSWORD_MIN } from '../../shared/protocol/api.js';
import { api, storeAccount } from '../net/account.js';
import { errorMessage } from './errorMessage.js';
import { Field } from './Field.js';
import { FormError } from './FormError.js';

type Problems = Partial<Record<'current' | 'next' | 'confirm', string>>;

/** Change your own password; the server answers with a fresh session, which is kept. */
export function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found: Problems = {};
    if (!current) found.current = 'Please type your current password.';
    const parsed = NewPassword.safeParse(next);
    if (!parsed.success) found.next = parsed.error.issues[0]?.message;
    else if (confirm !== next) found.confirm = 'The two passwords are not the same.';
    setProblems(found);
    setDone(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      storeAccount(await api('changePassword', { body: { currentPassword: current, newPassword: next } }));
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="password-title">
      <h2 id="password-title" className="form-title">Change your password</h2>
      <Field label="Current password" type="password" name="current" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={problems.current} disabled={busy} />
      <Field label="New password" type="password" name="new" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} value={next} onChange={(e) => setNext(e.target.value)} error={problems.next} disabled={busy} />
      <Field label="Confirm new password" type="password" name="confirm" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={problems.confirm} disabled={busy} />
      <FormError message={error} />
      <p className="ok" role="status">{done ? 'Your password has been changed.' : ''}</p>
      <button type="submit" disabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
