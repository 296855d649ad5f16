import type { Me } from '../../shared/protocol/api.js';
import { loginPath } from '../route.js';
import { AccountLinks } from './AccountLinks.js';
import { Link } from './Link.js';

/** A calm refusal for pages that need a role (or an account): why, and what one can do. */
export function SignInNeeded({ title, reason, next, me }: { title: string; reason: string; next: string; me: Me | null }) {
  return (
    <main className="landing">
      <section className="panel join" aria-labelledby="refusal-title">
        <h1 id="refusal-title">{title}</h1>
        <p className="lede">{reason}</p>
        {me ? (
          <p>
            You are signed in as <strong>{me.name}</strong>. <Link href={loginPath(next)}>Sign in</Link> with another account, or ask an admin for an invitation.
          </p>
        ) : (
          <p>
            If you have a staff account, <Link href={loginPath(next)}>sign in</Link> first.
          </p>
        )}
        <p className="aside">
          <Link href="/">Go to the plaza</Link>
        </p>
        {me && <AccountLinks me={me} />}
      </section>
    </main>
  );
}
