import type { ProposalTally } from '../../../shared/protocol/ballots.js';
import { resultsUrl } from '../../net/ballots.js';
import type { LiveBallot } from '../../state/ballots.js';

function TallyRows({ live, group }: { live: LiveBallot; group: 'counted' | 'guests' }) {
  const tallies = live.proposals.map((p) => [p, p[group]] as const);
  const top = Math.max(1, ...tallies.map(([, t]) => (t ? Math.max(t.for, t.against) : 0)));
  return (
    <ul className="ballot-tallies">
      {tallies.map(([p, t]) => (
        <li key={p.id}>
          <span>{p.title}</span>
          <span className="ballot-bar" aria-hidden="true"><span style={{ width: `${((t?.for ?? 0) / top) * 100}%` }} /></span>
          <span className="small">{describe(t, live.ballot.allowAgainst)}</span>
        </li>
      ))}
    </ul>
  );
}

function describe(t: ProposalTally | null, against: boolean): string {
  if (!t) return '';
  const base = `${t.for} for${against ? `, ${t.against} against (net ${t.net})` : ''}`;
  return `${base}; ${t.credits} credits from ${t.voters} ${t.voters === 1 ? 'voter' : 'voters'}`;
}

/** A ballot's tallies as text and bars, guests apart, with the open-data downloads. */
export function BallotTallies({ live }: { live: LiveBallot }) {
  const { turnout } = live;
  const counted = turnout.accounts + turnout.codes;
  return (
    <div className="ballot-results" aria-live="polite">
      <h3 className="small">Results</h3>
      <p className="small">{`${counted} ${counted === 1 ? 'ballot' : 'ballots'} counted${turnout.guests > 0 || live.ballot.voters.guests ? `, ${turnout.guests} from guests (shown apart)` : ''}.`}</p>
      {live.hidden ? (
        <p className="muted small">Results are shown when the ballot closes.</p>
      ) : (
        <>
          <TallyRows live={live} group="counted" />
          {live.ballot.voters.guests && (
            <>
              <h4 className="small">Guests</h4>
              <TallyRows live={live} group="guests" />
            </>
          )}
        </>
      )}
      <p className="small">
        <a href={resultsUrl(live.ballot.id, 'json')} download={`ballot-${live.ballot.id}.json`}>Results (JSON)</a>
        {!live.hidden && <>{' · '}<a href={resultsUrl(live.ballot.id, 'csv')} download={`ballot-${live.ballot.id}.csv`}>Results (CSV)</a></>}
      </p>
    </div>
  );
}
