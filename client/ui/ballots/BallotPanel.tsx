import { useId, useState } from 'react';
import { currentBallots, featuredBallot, useBallots } from '../../state/ballots.js';
import { useUi } from '../../state/ui.js';
import { useAllows } from '../townhall/useAllows.js';
import { BallotAllocation } from './BallotAllocation.js';
import { BallotCodes } from './BallotCodes.js';
import { BallotSetupForm } from './BallotSetupForm.js';
import { BallotStaffControls } from './BallotStaffControls.js';
import { BallotTallies } from './BallotTallies.js';
import { MemberInvites } from './MemberInvites.js';

const PHASE_TEXT = { scheduled: 'Not open yet', open: 'Open: you may change your allocation until it closes', closed: 'Closed' } as const;

/**
 * Quadratic ballots of this space: pick one, allocate voice credits, see the results; hosts and
 * curators also set them up, open and close them and put one on the stage screen. Visitors see
 * the ballots not yet closed (and one on the stage screen); staff see every one.
 */
export function BallotPanel() {
  const all = useBallots((s) => s.ballots);
  const stage = useUi((s) => Boolean(s.layout?.stage));
  const manage = useAllows('ballots.manage');
  const invite = useAllows('members.invite');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const base = useId();
  const ballots = manage ? all : currentBallots(all);
  if (ballots.length === 0 && !manage) return null;
  const live = ballots.find((b) => b.ballot.id === chosen) ?? featuredBallot(ballots) ?? ballots[ballots.length - 1];
  return (
    <section className={open ? 'panel ballots open' : 'panel ballots'} aria-labelledby={`${base}-title`}>
      <div className="panel-head">
        <h2 id={`${base}-title`}>Ballot</h2>
        <button type="button" className="small secondary" aria-expanded={open} aria-controls={`${base}-body`} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
          <span className="visually-hidden"> the ballot</span>
        </button>
      </div>
      {open && (
        <div id={`${base}-body`} className="ballot-body">
          {ballots.length > 1 && (
            <label className="field">
              <span>Ballot</span>
              <select value={live?.ballot.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
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
      )}
    </section>
  );
}
