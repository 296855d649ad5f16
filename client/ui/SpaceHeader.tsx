import { leaveSpace } from '../net/connection.js';
import { useUi } from '../state/ui.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { EditToggle } from './editor/EditToggle.js';
import { GraphicsSetting } from './GraphicsSetting.js';
import { LookButton } from './LookButton.js';

/** The space's name, the connection state and a way out; in a town hall, the way to its events. */
export function SpaceHeader() {
  const spaceId = useUi((s) => s.spaceId);
  const layoutName = useUi((s) => s.layout?.name);
  const townhall = useUi((s) => s.layout?.kind === 'townhall');
  const name = layoutName ?? spaceId;
  return (
    <header className="panel header">
      <h1>{name}</h1>
      <ConnectionBadge />
      {townhall && (
        // A new tab: looking up the programme should not cost one's seat.
        <a href="/events" target="_blank" rel="noopener">Events</a>
      )}
      <EditToggle />
      <LookButton />
      <GraphicsSetting />
      <button type="button" onClick={() => void leaveSpace()}>
        Leave
      </button>
    </header>
  );
}
