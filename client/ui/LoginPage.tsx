import { useState, type FormEvent } from 'react';
import { signIn } from '../net/account.js';
import { navigate } from '../navigation.js';
import { safeNext } from '../route.js';
import { useMe } from '../state/account.js';
import { AccountLinks } from './AccountLinks.js';
import { errorMessage } from './errorMessage.js';
import { Field } from './Field.js';
import { FormError } from './FormError.js';
import { Link } from './Link.js';

/** Staff sign in: email and password; on success, on to `next` (the plaza by default). */
export function LoginPage({ next: asked }: { next: string }) {
  // Checked again here, at the point of use: only a path on this site (see safeNext).
  const next = safeNext(asked);
  const me = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!email.trim() || !password) {
      setError('Please type your email address and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  if (me) {
    return (
      <main className="landing">
        <section className="panel join">
          <h1>Signed in</h1>
          <p className="lede">
            You are signed in as <strong>{me.name}</strong>.
          </p>
          <button type="button" autoFocus onClick={() => navigate(next)}>
            Continue
          </button>
          <AccountLinks me={me} />
        </section>
      </main>
    );
  }

  return (
    <main className="landing">
      <form className="panel join" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="login-title">
        <h1 id="login-title">Staff sign in</h1>
        <p className="lede">For hosts, moderators, curators and admins. Visitors do not need an account.</p>
        <Field label="Email" type="email" name="email" autoComplete="username" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} disabled={busy} />
        <Field label="Password" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} disabled={busy} />
        <FormError message={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="aside">
          <Link href={next}>Enter as a guest instead</Link>
        </p>
      </form>
    </main>
  );
}
