import { useMe } from '../state/account.js';
import { AccountLinks } from './AccountLinks.js';
import { Link } from './Link.js';
import { PasswordForm } from './PasswordForm.js';
import { RoleBadge } from './RoleBadge.js';
import { SignInNeeded } from './SignInNeeded.js';
import { spaceLabel, useSpaceList } from './useSpaceList.js';

/** `/account`: who you are, your roles, and changing your password. */
export function AccountPage() {
  const me = useMe();
  const spaces = useSpaceList();
  if (!me?.account) {
    return <SignInNeeded title="Your account" reason="Sign in to see your account and change your password." next="/account" me={null} />;
  }
  return (
    <main className="landing">
      <section className="panel join" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{me.account.displayName}</dd>
          <dt>Email</dt>
          <dd>{me.account.email}</dd>
          <dt>Roles</dt>
          <dd>
            {me.grants.length === 0 ? (
              <span className="muted">None: you are a visitor.</span>
            ) : (
              <ul className="badge-list" aria-label="Your roles">
                {me.grants.map((g) => (
                  <li key={`${g.role}:${g.spaceId ?? '*'}`}>
                    <RoleBadge role={g.role} where={spaceLabel(spaces, g.spaceId)} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <PasswordForm />
        <p className="aside">
          <Link href="/">Go to the plaza</Link>
        </p>
        <AccountLinks me={me} current="account" />
      </section>
    </main>
  );
}
