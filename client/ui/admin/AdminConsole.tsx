import type { Me } from '../../../shared/protocol/api.js';
import { AccountLinks } from '../AccountLinks.js';
import { FormError } from '../FormError.js';
import { Link } from '../Link.js';
import { useSpaceList } from '../useSpaceList.js';
import { AccountsPanel } from './AccountsPanel.js';
import { AuditPanel } from './AuditPanel.js';
import { GrantsPanel } from './GrantsPanel.js';
import { InvitationsPanel } from './InvitationsPanel.js';
import { useAdminData } from './useAdminData.js';

/** The admin page's sections, for someone the client believes is an admin. */
export function AdminConsole({ me }: { me: Me }) {
  const data = useAdminData();
  const spaces = useSpaceList();
  return (
    <div className="admin">
      <header className="admin-bar">
        <div>
          <h1>Administration</h1>
          <p className="muted">
            Signed in as <strong>{me.name}</strong> · <Link href="/">Go to the plaza</Link>
          </p>
        </div>
        <AccountLinks me={me} current="admin" />
      </header>
      <nav className="admin-nav" aria-label="Sections">
        <a href="#accounts">Accounts</a>
        <a href="#invitations">Invitations</a>
        <a href="#grants">Grants</a>
        <a href="#audit">Audit log</a>
      </nav>
      <main className="admin-main" aria-busy={data.loading ? true : undefined}>
        <FormError message={data.error} />
        <AccountsPanel accounts={data.accounts} spaces={spaces} selfId={me.account?.id ?? ''} reload={data.reload} />
        <InvitationsPanel invitations={data.invitations} spaces={spaces} reload={data.reload} />
        <GrantsPanel accounts={data.accounts} spaces={spaces} reload={data.reload} />
        <AuditPanel entries={data.audit} accounts={data.accounts} reload={data.reload} />
      </main>
    </div>
  );
}
