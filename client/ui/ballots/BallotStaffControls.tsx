import { changeBallot } from '../../net/ballots.js';
import type { LiveBallot } from '../../state/ballots.js';

/** Hosts and curators: open or close the ballot now, and put it on the stage screen or take it off. */
export function BallotStaffControls({ live, stage }: { live: LiveBallot; stage: boolean }) {
  const { ballot } = live;
  return (
    <div className="ballot-staff" role="group" aria-label="Run this ballot">
      {ballot.phase === 'scheduled' && <button type="button" className="small" onClick={() => void changeBallot(ballot.id, { phase: 'open' })}>Open ballot</button>}
      {ballot.phase === 'open' && <button type="button" className="small" onClick={() => void changeBallot(ballot.id, { phase: 'closed' })}>Close ballot</button>}
      {stage && (
        <button type="button" className="small secondary" onClick={() => void changeBallot(ballot.id, { onStage: !ballot.onStage })}>
          {ballot.onStage ? 'Take off the stage screen' : 'Show on the stage screen'}
        </button>
      )}
    </div>
  );
}
