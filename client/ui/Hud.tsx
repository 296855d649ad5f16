import { useEffect } from 'react';
import { EnterVrButton } from './EnterVrButton.js';
import { useExhibits } from '../state/exhibits.js';
import { useUi } from '../state/ui.js';
import { followVoice } from '../voice/followVoice.js';
import { DisconnectedNotice } from './DisconnectedNotice.js';
import { EditHint, EditorHud, useInspecting } from './editor/EditorHud.js';
import { ExhibitHud } from './exhibits/ExhibitHud.js';
import { Inspector } from './editor/Inspector.js';
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
  // Edit mode (curators): the editor panel on the left, the selected exhibit's inspector on the right.
  const editing = useExhibits((s) => s.editMode);
  const inspecting = useInspecting();
  return (
    <div className={townhall ? 'hud townhall' : 'hud'}>
      <SpaceHeader />
      <div className={inspecting ? 'hud-side right inspecting' : 'hud-side right'}>
        {inspecting ? <Inspector /> : <PeopleList />}
        {townhall && !editing && <ModerationPanel />}
      </div>
      {editing ? <EditorHud /> : townhall ? <TownHallHud /> : (
        <div className="hud-bottom">
          <VoiceDock />
        </div>
      )}
      <ExhibitHud />
      <Toast />
      {editing ? <EditHint /> : <HelpHint townhall={townhall} />}
      <DisconnectedNotice />
      <EnterVrButton />
    </div>
  );
}
