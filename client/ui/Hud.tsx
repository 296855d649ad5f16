import { DisconnectedNotice } from './DisconnectedNotice.js';
import { HelpHint } from './HelpHint.js';
import { PeopleList } from './PeopleList.js';
import { SpaceHeader } from './SpaceHeader.js';
import { Toast } from './Toast.js';

/** Everything drawn over the 3D view. */
export function Hud() {
  return (
    <div className="hud">
      <SpaceHeader />
      <PeopleList />
      <Toast />
      <HelpHint />
      <DisconnectedNotice />
    </div>
  );
}
