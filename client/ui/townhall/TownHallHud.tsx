import { HallControls } from './HallControls.js';
import { HallStatus } from './HallStatus.js';
import { QaPanel } from './QaPanel.js';
import { ReactionTotals } from './ReactionTotals.js';

/** The town hall's overlays for everyone: the event and floor at a glance, Q&A, and the audience's controls. */
export function TownHallHud() {
  return (
    <>
      <div className="hud-side left">
        <HallStatus />
        <QaPanel />
      </div>
      <div className="hud-bottom">
        <ReactionTotals />
        <HallControls />
      </div>
    </>
  );
}
