import { useUi } from '../state/ui.js';
import { DisconnectedNotice } from './DisconnectedNotice.js';
import { HelpHint } from './HelpHint.js';
import { PeopleList } from './PeopleList.js';
import { SpaceHeader } from './SpaceHeader.js';
import { Toast } from './Toast.js';
import { ModerationPanel } from './townhall/ModerationPanel.js';
import { TownHallHud } from './townhall/TownHallHud.js';

/** Everything drawn over the 3D view; town halls add Q&A, the audience's controls and moderation. */
export function Hud() {
  const townhall = useUi((s) => s.layout?.kind === 'townhall');
  return (
    <div className={townhall ? 'hud townhall' : 'hud'}>
      <SpaceHeader />
      <div className="hud-side right">
        <PeopleList />
        {townhall && <ModerationPanel />}
      </div>
      {townhall && <TownHallHud />}
      <Toast />
      <HelpHint townhall={townhall} />
      <DisconnectedNotice />
    </div>
  );
}
