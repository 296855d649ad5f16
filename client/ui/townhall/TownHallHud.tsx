import { useNarrow } from '../useNarrow.js';
import { HallControls } from './HallControls.js';
import { HallSheet } from './HallSheet.js';
import { HallStatus } from './HallStatus.js';
import { QaPanel } from './QaPanel.js';
import { ReactionTotals } from './ReactionTotals.js';
import { StageControls } from './StageControls.js';
import { VoiceDock } from '../voice/VoiceDock.js';

/** The town hall's overlays for everyone: the event and floor at a glance, Q&A, voice and the audience's controls. */
export function TownHallHud() {
  const narrow = useNarrow();
  if (narrow) return <HallSheet />;
  return (
    <>
      <div className="hud-side left">
        <HallStatus />
        <StageControls />
        <QaPanel />
      </div>
      <div className="hud-bottom">
        <VoiceDock />
        <ReactionTotals />
        <HallControls />
      </div>
    </>
  );
}
