import { featuredBallot, type LiveBallot } from '../../state/ballots.js';
import { BallotAllocation } from './BallotAllocation.js';
import { BallotCodes } from './BallotCodes.js';
import { BallotSetupForm } from './BallotSetupForm.js';
import { BallotStaffControls } from './BallotStaffControls.js';
import { BallotTallies } from './BallotTallies.js';
import { MemberInvites } from './MemberInvites.js';

const PHASE_TEXT = { scheduled: 'Not open yet', open: 'Open: you may change your allocation until it closes', closed: 'Closed' } as const;

export interface BallotBodyProps {
  id: string;
  ballots: readonly LiveBallot[];
  /** The ballot picked from the list ('' for the featured one); the panel keeps it while folded. */
  chosen: string;
  onChoose: (id: string) => void;
  manage: boolean;
  invite: boolean;
  stage: boolean;
}

/** The unfolded ballot panel: pick one, allocate voice credits, the results; staff's controls and forms. */
export function BallotBody({ id, ballots, chosen, onChoose, manage, invite, stage }: BallotBodyProps) {
  const live = ballots.find((b) => b.ballot.id === chosen) ?? featuredBallot(ballots) ?? ballots[ballots.length - 1];
  return (
    <div id={id} className="ballot-body">
      {ballots.length > 1 && (
        <label className="field">
          <span>Ballot</span>
          <select value={live?.ballot.id ?? ''} onChange={(e) => onChoose(e.target.value)}>
            {ballots.map((b) => <option key={b.ballot.id} value={b.ballot.id}>{b.ballot.title}</option>)}
          </select>
        </label>
      )}
      {live && (
        <>
          <h3 className="ballot-title">{live.ballot.title}</h3>
          <p className="small" data-testid="ballot-phase">{PHASE_TEXT[live.ballot.phase]}</p>
          {live.ballot.phase !== 'closed' && <BallotAllocation key={live.ballot.id} live={live} />}
          <BallotTallies live={live} />
          {manage && <BallotStaffControls live={live} stage={stage} />}
          {manage && live.ballot.voters.codes && <BallotCodes key={live.ballot.id} live={live} />}
        </>
      )}
      {manage && <BallotSetupForm />}
      {invite && <MemberInvites />}
    </div>
  );
}
