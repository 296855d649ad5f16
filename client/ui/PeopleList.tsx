import { useId, useState } from 'react';
import { allows } from '../../shared/access.js';
import { showsBadge } from '../roles.js';
import { useMe } from '../state/account.js';
import { useUi } from '../state/ui.js';
import { ConfirmRemove } from './ConfirmRemove.js';
import { RoleBadge } from './RoleBadge.js';

/**
 * Who is here, with their role badges. Moderators and admins can remove someone (after a
 * confirmation); the server decides. Names are untrusted: rendered only as React text.
 */
export function PeopleList() {
  const people = useUi((s) => s.people);
  const selfId = useUi((s) => s.selfId);
  const spaceId = useUi((s) => s.spaceId);
  const me = useMe();
  const canRemove = allows('space.remove', me ?? null, spaceId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const headingId = useId();
  return (
    <section className="panel people" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {people.length === 1 ? '1 person here' : `${people.length} people here`}
      </h2>
      <ul aria-label="People in this space">
        {people.map((p) => (
          <li key={p.id} className={p.connected ? undefined : 'away'}>
            <span className="person">
              <span className="person-name">
                {p.name}
                {p.id === selfId && <span className="you"> (you)</span>}
                {!p.connected && <span className="muted"> · reconnecting</span>}
              </span>
              {showsBadge(p.role) && <RoleBadge role={p.role} />}
              {canRemove && p.id !== selfId && confirming !== p.id && (
                <button type="button" className="small secondary" aria-label={`Remove ${p.name} from this space`} onClick={() => setConfirming(p.id)}>
                  Remove
                </button>
              )}
            </span>
            {confirming === p.id && <ConfirmRemove person={p} onDone={() => setConfirming(null)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
