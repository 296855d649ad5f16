import type { Me } from '../../shared/protocol/api.js';
import { RoleBadge } from './RoleBadge.js';
import { spaceLabel, useSpaceList } from './useSpaceList.js';

/** On the join form when signed in: who, and with which roles (those that count here first). */
export function AccountEntry({ me, spaceId }: { me: Me; spaceId: string }) {
  const spaces = useSpaceList();
  // Roles that count here first, then the others.
  const grants = [...me.grants].sort((a, b) => Number(b.spaceId === null || b.spaceId === spaceId) - Number(a.spaceId === null || a.spaceId === spaceId));
  return (
    <div className="account-entry">
      <p className="signed-in">
        Signed in as <strong>{me.name}</strong>
      </p>
      {grants.length > 0 && (
        <ul className="badge-list" aria-label="Your roles">
          {grants.map((g) => (
            <li key={`${g.role}:${g.spaceId ?? '*'}`}>
              <RoleBadge role={g.role} where={spaceLabel(spaces, g.spaceId)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
