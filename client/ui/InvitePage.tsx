import { useEffect, useState } from 'react';
import type { InvitationPreview } from '../../shared/protocol/api.js';
import { api, storeAccount } from '../net/account.js';
import { navigate } from '../navigation.js';
import { pathForSpace } from '../route.js';
import { useMe } from '../state/account.js';
import { errorMessage } from './errorMessage.js';
import { FormError } from './FormError.js';
import { InviteAcceptForm } from './InviteAcceptForm.js';
import { InviteSummary } from './InviteSummary.js';
import { Link } from './Link.js';

type Load = { state: 'loading' } | { state: 'ready'; preview: InvitationPreview } | { state: 'failed'; message: string };

/**
 * `/invite/<token>`: what the invitation grants, then one button (signed in: the role is added
 * to this account) or a form that creates the account. Either way the new session is kept.
 */
export function InvitePage({ token }: { token: string }) {
  const me = useMe();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ state: 'loading' });
    api('previewInvitation', { params: { token }, signal: abort.signal }).then(
      (preview) => setLoad({ state: 'ready', preview }),
      (err: unknown) => !abort.signal.aborted && setLoad({ state: 'failed', message: errorMessage(err) }),
    );
    return () => abort.abort();
  }, [token]);

  const accept = async (body: { displayName?: string; email?: string; password?: string }) => {
    if (busy || load.state !== 'ready') return;
    setBusy(true);
    setError(null);
    try {
      const session = await api('acceptInvitation', { params: { token }, body });
      storeAccount(session);
      const { spaceId } = load.preview;
      navigate(spaceId ? pathForSpace(spaceId) : '/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="landing">
      <section className="panel join invite" aria-labelledby="invite-title" aria-busy={load.state === 'loading' ? true : undefined}>
        <h1 id="invite-title">Invitation</h1>
        {load.state === 'loading' && <p className="lede">Reading the invitation…</p>}
        {load.state === 'failed' && (
          <>
            <FormError message={load.message} />
            <p className="aside">
              <Link href="/">Go to the plaza</Link>
            </p>
          </>
        )}
        {load.state === 'ready' && <InviteSummary preview={load.preview} />}
        {load.state === 'ready' && me && (
          <>
            <p>
              You are signed in as <strong>{me.name}</strong>. {load.preview.role === 'visitor' ? 'Your account can vote already; accepting uses up this link and adds no role.' : 'Accepting adds this role to your account.'}
            </p>
            <FormError message={error} />
            <button type="button" autoFocus disabled={busy} onClick={() => void accept({})}>
              {busy ? 'Accepting…' : 'Accept'}
            </button>
          </>
        )}
        {load.state === 'ready' && !me && (
          <InviteAcceptForm preview={load.preview} token={token} busy={busy} error={error} onAccept={(body) => void accept(body)} />
        )}
      </section>
    </main>
  );
}
