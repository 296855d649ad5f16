import { useEffect } from 'react';
import { useUi } from '../state/ui.js';
import { followVoice } from '../voice/followVoice.js';
import { DisconnectedNotice } from './DisconnectedNotice.js';
import { HelpHint } from './HelpHint.js';
import { PeopleList } from './PeopleList.js';
import { SpaceHeader } from './SpaceHeader.js';
import { Toast } from './Toast.js';
import { ModerationPanel } from './townhall/ModerationPanel.js';
import { TownHallHud } from './townhall/TownHallHud.js';
import { VoiceDock } from './voice/VoiceDock.js';

/** Everything drawn over the 3D view (voice included); town halls add Q&A, the audience's controls and moderation. */
export function Hud() {
  const townhall = useUi((s) => s.layout?.kind === 'townhall');
  // Voice follows the space we are in for as long as the world is shown.
  useEffect(() => followVoice(), []);
  return (
    <div className={townhall ? 'hud townhall' : 'hud'}>
      <SpaceHeader />
      <div className="hud-side right">
        <PeopleList />
        {townhall && <ModerationPanel />}
      </div>
      {townhall ? <TownHallHud /> : (
        <div className="hud-bottom">
          <VoiceDock />
        </div>
      )}
      <Toast />
      <HelpHint townhall={townhall} />
      <DisconnectedNotice />
    </div>
  );
}
