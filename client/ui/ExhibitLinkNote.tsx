import { useEffect, useState } from 'react';
import { callApi } from '../../shared/protocol/apiClient.js';
import { apiOrigin } from '../net/spaces.js';
import { Link } from './Link.js';

type Linked = 'none' | 'checking' | 'found' | 'missing' | 'broken';

/**
 * An exhibit link (`/s/<space>/e/<exhibit>`) is checked against the space's published exhibits
 * before the visitor enters: one that was cut short, or names an exhibit that was removed, is
 * said so here, not discovered after walking in.
 */
export function useLinkedExhibit(spaceId: string, exhibitId: string | undefined, broken: boolean): Linked {
  const [state, setState] = useState<Linked>(broken ? 'broken' : exhibitId ? 'checking' : 'none');
  useEffect(() => {
    if (broken) { setState('broken'); return; }
    if (!exhibitId || !spaceId) { setState('none'); return; }
    setState('checking');
    const controller = new AbortController();
    callApi('publishedExhibits', { baseUrl: apiOrigin(), params: { id: spaceId }, signal: controller.signal }).then(
      (published) => setState(published.exhibits.some((e) => e.id === exhibitId) ? 'found' : 'missing'),
      // The space itself is unknown or unreachable: the join form says that already.
      () => { if (!controller.signal.aborted) setState('none'); },
    );
    return () => controller.abort();
  }, [spaceId, exhibitId, broken]);
  return state;
}

/** What the join form says about an exhibit link that leads nowhere, and the ways on. */
export function ExhibitLinkNote({ state, spaceName }: { state: Linked; spaceName: string }) {
  if (state !== 'missing' && state !== 'broken') return null;
  return (
    <section className="exhibit-missing" role="alert" aria-labelledby="exhibit-missing-title">
      <h2 id="exhibit-missing-title" className="form-title">
        {state === 'broken' ? 'This exhibit link is damaged' : 'That exhibit is not on show'}
      </h2>
      <p className="muted">
        {state === 'broken'
          ? 'The exhibit part of the address was cut short or changed, so it names no exhibit.'
          : `No exhibit in ${spaceName} has this id: it may have been removed, or the link was cut short.`}
        {' '}You can still enter {spaceName} and look around, or <Link href="/">go to the front page</Link>.
      </p>
    </section>
  );
}
