import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { NAME_MAX_LENGTH } from '../../shared/constants.js';
import { DisplayName } from '../../shared/protocol/messages.js';
import { enterSpace } from '../net/connection.js';
import { prefetchSpace } from '../net/spaces.js';
import { loginPath, pathForSpace } from '../route.js';
import { useMe } from '../state/account.js';
import { useSpaces } from '../state/spaces.js';
import { useUi } from '../state/ui.js';
import { AccountEntry } from './AccountEntry.js';
import { AccountLinks } from './AccountLinks.js';
import { Link } from './Link.js';
import { LiveNow } from './WhatsOn.js';
import { navigate } from '../navigation.js';
import type { EventView } from '../../shared/protocol/api.js';
import { LookPicker } from './LookPicker.js';
import { chooseLook, useLook } from '../state/look.js';
import { ExhibitLinkNote, useLinkedExhibit } from './ExhibitLinkNote.js';

/** The live event the front page offers, with how many are in its space now. */
export interface LiveEntry { event: EventView; present: number; spaceName: string }

/**
 * The landing page of a space: signed in, one button enters as the account; otherwise choose a
 * display name and enter as a guest.
 */
export function JoinForm({ live, aside }: { live?: LiveEntry; aside?: ReactNode } = {}) {
  const spaceId = useUi((s) => s.spaceId);
  const status = useUi((s) => s.status);
  const serverError = useUi((s) => s.error);
  const me = useMe();
  const [name, setName] = useState(() => useUi.getState().name);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const busy = status === 'connecting';
  const entry = useSpaces((s) => s.entries[spaceId]);
  const space = entry?.status === 'ready' ? entry.layout : null;
  /** The server said there is no such space: nothing to enter. */
  const unknown = entry?.status === 'missing';
  const loadError = entry?.status === 'missing' || entry?.status === 'failed' ? entry.error : null;
  const message = (me ? null : problem) ?? serverError ?? loadError;
  const look = useLook((s) => s.look);
  const route = useUi((s) => s.route);
  const linked = useLinkedExhibit(spaceId, route.page === 'space' ? route.exhibitId : undefined, route.page === 'space' && route.brokenExhibit === true);

  useEffect(() => {
    if (spaceId) prefetchSpace(spaceId);
  }, [spaceId]);

  /** Enter `target` (this page's space, or the live event's town hall from the front page). */
  const enter = (target: string) => {
    if (busy) return;
    let entered = name;
    if (!me) {
      // The server names an account's avatar; the typed guest name is kept for later.
      const parsed = DisplayName.safeParse(name);
      if (!parsed.success) {
        setProblem(parsed.error.issues[0]?.message ?? 'Please type a display name.');
        return;
      }
      setProblem(null);
      entered = parsed.data;
    }
    if (target !== spaceId) navigate(pathForSpace(target));
    void enterSpace(target, entered);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // On the front page during a live event, the form's own action is joining it.
    if (live) enter(live.event.spaceId);
    else if (!unknown) enter(spaceId);
  };

  const here = spaceId ? pathForSpace(spaceId) : '/';
  return (
    <main className={aside ? 'landing front' : 'landing'}>
      <form className="panel join" onSubmit={submit} noValidate>
        <h1>Hustings</h1>
        <p className="lede" aria-busy={!entry || entry.status === 'loading' ? true : undefined}>
          {space ? <>You are about to enter <strong>{space.name}</strong>.</> : me ? 'Welcome back.' : 'Choose a name to enter.'}
        </p>
        <ExhibitLinkNote state={linked} spaceName={space?.name ?? 'this space'} />
        {me ? (
          <AccountEntry me={me} spaceId={spaceId} />
        ) : (
          <>
            <label htmlFor={inputId}>Display name</label>
            <input
              id={inputId}
              name="name"
              autoComplete="nickname"
              autoFocus
              maxLength={NAME_MAX_LENGTH * 2}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? errorId : undefined}
              disabled={busy}
            />
          </>
        )}
        <details className="look-choice">
          <summary>Your look</summary>
          <LookPicker look={look} onChange={chooseLook} />
        </details>
        {message && (
          <p id={errorId} className="form-error" role="alert">
            {message}
          </p>
        )}
        {live ? (
          <>
            <LiveNow event={live.event} present={live.present} spaceName={live.spaceName} busy={busy} />
            <button type="button" className="secondary" disabled={busy} onClick={() => enter(spaceId)}>
              {busy ? 'Entering…' : `Or enter the ${space?.name ?? 'plaza'}`}
            </button>
          </>
        ) : (
          <button type="submit" disabled={busy || unknown} autoFocus={me ? true : undefined}>
            {busy ? 'Entering…' : 'Enter'}
          </button>
        )}
        {unknown && <Link href="/">Go to the plaza</Link>}
        {me && <AccountLinks me={me} />}
        <p className="aside">
          <Link href="/events">Events</Link>
          {!me && <> · <Link href={loginPath(here)}>Staff sign in</Link></>}
        </p>
      </form>
      {aside}
    </main>
  );
}
