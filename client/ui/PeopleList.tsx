import { useId, useState } from 'react';
import { allows } from '../../shared/access.js';
import { mute } from '../net/townhall.js';
import { showsBadge } from '../roles.js';
import { principalOf, useMe } from '../state/account.js';
import { useHall } from '../state/hall.js';
import { useUi } from '../state/ui.js';
import { useVoice } from '../state/voice.js';
import { useNow } from '../state/useNow.js';
import { world } from '../state/world.js';
import { NEAREST_SHOWN, peopleView, type Spot } from './peopleView.js';
import { ConfirmRemove } from './ConfirmRemove.js';
import { RoleBadge } from './RoleBadge.js';
import { ConfirmBan } from './townhall/ConfirmBan.js';
import { SpeakingIcon } from './voice/SpeakingIcon.js';

/** Where someone was drawn last frame (ourselves: our own pose). */
function whereIs(id: string): Spot | undefined {
  if (id === world.selfId) return world.selfReady ? world.self.render : undefined;
  return world.remotes.get(id)?.render;
}

/**
 * Who is here (in a crowd: you, raised hands and the nearest, refreshed every second, with a
 * search by name over everyone), with their role badges (and a small icon while someone talks). Moderators and
 * admins can remove someone (after a confirmation), and in a town hall mute their questions
 * and reactions or ban them (with a reason); the server decides. Names are untrusted: rendered
 * only as React text.
 */
export function PeopleList() {
  const people = useUi((s) => s.people);
  const selfId = useUi((s) => s.selfId);
  const spaceId = useUi((s) => s.spaceId);
  const townhall = useUi((s) => s.layout?.kind === 'townhall');
  const muted = useHall((s) => s.queue?.muted);
  const speaking = useVoice((s) => s.speaking);
  const me = principalOf(useMe(), true);
  const canRemove = allows('space.remove', me, spaceId);
  const canMute = townhall && allows('space.mute', me, spaceId);
  const canBan = townhall && allows('space.ban', me, spaceId);
  const [confirming, setConfirming] = useState<{ id: string; what: 'remove' | 'ban' } | null>(null);
  // A town hall's audience is a long list; on a small screen it starts folded away.
  const [open, setOpen] = useState(() => !townhall || window.innerWidth >= 900);
  const headingId = useId();
  const listId = useId();
  const mutedIds = new Set(muted ?? []);
  const [query, setQuery] = useState('');
  const crowd = people.length > NEAREST_SHOWN;
  useNow(1000, open && crowd);
  const view = peopleView(people, selfId, whereIs, crowd ? query : '');
  const searchId = useId();
  return (
    <section className="panel people" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>
          {people.length === 1 ? '1 person here' : `${people.length} people here`}
        </h2>
        <button type="button" className="small secondary" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
          <span className="visually-hidden"> people</span>
        </button>
      </div>
      {open && crowd && (
        <div className="people-search">
          <label htmlFor={searchId} className="visually-hidden">Find someone by name</label>
          <input id={searchId} type="search" placeholder="Find someone by name" value={query} onChange={(e) => setQuery(e.target.value)} />
          <p className="muted" aria-live="polite">
            {query.trim()
              ? (view.matches === 0 ? 'Nobody by that name here.' : `${view.matches} found${view.matches > view.shown.length ? `, showing the ${view.shown.length} nearest` : ''}.`)
              : 'You, raised hands and the people nearest you.'}
          </p>
        </div>
      )}
      {open && (
        <ul id={listId} aria-label={crowd && !query.trim() ? 'People near you' : 'People in this space'}>
          {view.shown.map((p) => {
            const isMuted = mutedIds.has(p.id);
            const asking = confirming?.id === p.id ? confirming.what : null;
            const others = p.id !== selfId && asking === null;
            return (
              <li key={p.id} className={p.connected ? undefined : 'away'}>
                <span className="person">
                  <span className="person-name">
                    {p.name}
                    {p.id === selfId && <span className="you"> (you)</span>}
                    {speaking.includes(p.id) && <SpeakingIcon />}
                    {!p.connected && <span className="muted"> · reconnecting</span>}
                    {p.hand > 0 && <span className="muted"> · hand up</span>}
                    {isMuted && <span className="muted"> · muted</span>}
                  </span>
                  {showsBadge(p.role) && <RoleBadge role={p.role} />}
                  {others && (canMute || canBan || canRemove) && (
                    <span className="person-actions">
                      {canMute && (
                        <button type="button" className="small secondary" aria-label={`${isMuted ? 'Unmute' : 'Mute'} ${p.name}`} onClick={() => mute({ sessionId: p.id, muted: !isMuted })}>
                          {isMuted ? 'Unmute' : 'Mute'}
                        </button>
                      )}
                      {canBan && (
                        <button type="button" className="small secondary" aria-label={`Ban ${p.name}`} onClick={() => setConfirming({ id: p.id, what: 'ban' })}>
                          Ban
                        </button>
                      )}
                      {canRemove && (
                        <button type="button" className="small secondary" aria-label={`Remove ${p.name} from this space`} onClick={() => setConfirming({ id: p.id, what: 'remove' })}>
                          Remove
                        </button>
                      )}
                    </span>
                  )}
                </span>
                {asking === 'remove' && <ConfirmRemove person={p} onDone={() => setConfirming(null)} />}
                {asking === 'ban' && <ConfirmBan person={p} onDone={() => setConfirming(null)} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
