import { useId, useState } from 'react';
import { LazyPart } from '../../LazyPart.js';
import { lazyRetry } from '../../lazyRetry.js';
import { currentBallots, useBallots } from '../../state/ballots.js';
import { useUi } from '../../state/ui.js';
import { useAllows } from '../townhall/useAllows.js';

/** What the panel shows unfolded (allocation, tallies, staff's forms) is a chunk fetched when it first unfolds. */
const BallotBody = lazyRetry(() => import('./BallotBody.js').then((m) => ({ default: m.BallotBody })));

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
        <LazyPart>
          <BallotBody id={`${base}-body`} ballots={ballots} chosen={chosen} onChoose={setChosen} manage={manage} invite={invite} stage={stage} />
        </LazyPart>
      )}
    </section>
  );
}
