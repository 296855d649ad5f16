import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountWithGrants, AuditEntryView, InvitationView } from '../../../shared/protocol/api.js';
import { api } from '../../net/account.js';
import { errorMessage } from '../errorMessage.js';

export interface AdminData {
  accounts: AccountWithGrants[];
  invitations: InvitationView[];
  audit: AuditEntryView[];
  /** True until the first answers arrive. */
  loading: boolean;
  /** Why something could not be loaded (the server's sentence). */
  error: string | null;
  /** Load everything again (after any change, so every section agrees). */
  reload: () => Promise<void>;
}

const AUDIT_SHOWN = 50;

/** Everything the admin page shows, loaded together and reloaded after every change. */
export function useAdminData(): AdminData {
  const [accounts, setAccounts] = useState<AccountWithGrants[]>([]);
  const [invitations, setInvitations] = useState<InvitationView[]>([]);
  const [audit, setAudit] = useState<AuditEntryView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const live = useRef(true);

  const reload = useCallback(async () => {
    const [a, i, l] = await Promise.allSettled([
      api('listAccounts'),
      api('listInvitations'),
      api('audit', { query: { limit: AUDIT_SHOWN } }),
    ]);
    if (!live.current) return;
    if (a.status === 'fulfilled') setAccounts(a.value.accounts);
    if (i.status === 'fulfilled') setInvitations(i.value.invitations);
    if (l.status === 'fulfilled') setAudit(l.value.entries);
    const failed = [a, i, l].find((r) => r.status === 'rejected');
    setError(failed ? errorMessage(failed.reason) : null);
    setLoading(false);
  }, []);

  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);

  return { accounts, invitations, audit, loading, error, reload };
}
