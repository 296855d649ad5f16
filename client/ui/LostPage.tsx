import { useEffect, useState } from 'react';
import { pathForSpace, type LostKind } from '../route.js';
import { loadSpace } from '../net/spaces.js';
import { Link } from './Link.js';

const WHAT: Record<LostKind, { title: string; reason: string }> = {
  event: {
    title: 'This event link is damaged',
    reason: 'The address was cut short or changed on its way here (it has characters that do not make an address), so it does not name an event.',
  },
  invite: {
    title: 'This invitation link is damaged',
    reason: 'The address was cut short or changed on its way here. Copy the whole link from the invitation again, or ask the person who invited you for a new one.',
  },
  space: {
    title: 'Nothing is at this address',
    reason: 'Links inside a space look like /s/hall-1 or, for one exhibit, /s/hall-1/e/<exhibit>. This one is neither: it may have been mistyped or cut short.',
  },
  page: {
    title: 'There is no such page',
    reason: 'This site has no page at that address. It may have been mistyped, or the page has moved.',
  },
};

/** The name of the space a lost address named, once its layout loads (null if there is no such space). */
function useSpaceName(spaceId: string | undefined): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!spaceId) return;
    let live = true;
    loadSpace(spaceId).then((layout) => { if (live) setName(layout.name); }, () => undefined);
    return () => { live = false; };
  }, [spaceId]);
  return name;
}

/** Where a bad link ends: what happened, in a sentence, and the ways on from here. */
export function LostPage({ kind, path, spaceId }: { kind: LostKind; path: string; spaceId?: string }) {
  const what = WHAT[kind];
  const spaceName = useSpaceName(spaceId);
  return (
    <main className="landing">
      <section className="panel join lost" aria-labelledby="lost-title">
        <h1 id="lost-title">{what.title}</h1>
        <p className="lede">{what.reason}</p>
        <p className="muted lost-path">
          You followed: <code>{path.length > 120 ? `${path.slice(0, 117)}…` : path}</code>
        </p>
        <nav aria-label="Ways on" className="lost-ways">
          {spaceId && spaceName && <Link className="button" href={pathForSpace(spaceId)}>Go to {spaceName}</Link>}
          {kind === 'event' ? <Link className="button" href="/events">See all events</Link> : <Link className={spaceName ? 'button secondary' : 'button'} href="/">Go to the front page</Link>}
          {kind === 'event' && <Link className="button secondary" href="/">Go to the front page</Link>}
          {kind !== 'event' && <Link className="button secondary" href="/events">See what is on</Link>}
        </nav>
      </section>
    </main>
  );
}
