import { allows } from '../../shared/access.js';
import type { Me } from '../../shared/protocol/api.js';
import { signOut } from '../net/account.js';
import { Link } from './Link.js';

/** The signed-in person's ways around: their account, administration (admins) and signing out. */
export function AccountLinks({ me, current }: { me: Me; current?: 'account' | 'admin' }) {
  const isAdmin = allows('admin.accounts.list', me);
  return (
    <nav className="account-links" aria-label="Account">
      {current !== 'account' && <Link href="/account">Account</Link>}
      {isAdmin && current !== 'admin' && <Link href="/admin">Admin</Link>}
      <button type="button" className="link" onClick={() => void signOut()}>
        Sign out
      </button>
    </nav>
  );
}
