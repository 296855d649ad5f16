import { allows } from '../../../shared/access.js';
import { useMe } from '../../state/account.js';
import { SignInNeeded } from '../SignInNeeded.js';
import { AdminConsole } from './AdminConsole.js';

/** `/admin`: accounts, invitations, role grants and the audit log. Admins only (the server checks). */
export function AdminPage() {
  const me = useMe();
  if (!me || !allows('admin.accounts.list', me)) {
    return <SignInNeeded title="Administration" reason="You need the admin role to open this page." next="/admin" me={me} />;
  }
  return <AdminConsole me={me} />;
}
