import { leaveSpace } from '../net/connection.js';
import { useUi } from '../state/ui.js';
import { ConnectionBadge } from './ConnectionBadge.js';

/** The space's name, the connection state and a way out. */
export function SpaceHeader() {
  const spaceId = useUi((s) => s.spaceId);
  const layoutName = useUi((s) => s.layout?.name);
  const name = layoutName ?? spaceId;
  return (
    <header className="panel header">
      <h1>{name}</h1>
      <ConnectionBadge />
      <button type="button" onClick={() => void leaveSpace()}>
        Leave
      </button>
    </header>
  );
}
