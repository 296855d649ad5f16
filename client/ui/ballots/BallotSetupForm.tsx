import { useId, useState, type FormEvent } from 'react';
import { BALLOT_BUDGET_DEFAULT, type BallotPrivacy, type BallotResultsMode } from '../../../shared/protocol/ballots.js';
import { createBallot } from '../../net/ballots.js';

/** Hosts and curators: set up a ballot (proposals one per line). It opens when they open it. */
export function BallotSetupForm() {
  const base = useId();
  const [title, setTitle] = useState('');
  const [lines, setLines] = useState('');
  const [budget, setBudget] = useState(BALLOT_BUDGET_DEFAULT);
  const [against, setAgainst] = useState(false);
  const [results, setResults] = useState<BallotResultsMode>('live');
  const [privacy, setPrivacy] = useState<BallotPrivacy>('anonymous');
  const [voters, setVoters] = useState({ accounts: true, codes: false, guests: false });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const proposals = lines.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => ({ title: l }));
    const refused = await createBallot({ title, proposals, budget, allowAgainst: against, results, privacy, voters });
    setError(refused);
    setDone(refused === null);
    if (refused === null) {
      setTitle('');
      setLines('');
    }
  };

  return (
    <form className="ballot-setup" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${base}-h`}>
      <h3 id={`${base}-h`} className="small">Set up a ballot</h3>
      <label className="field"><span>Title</span><input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
      <label className="field"><span>Proposals, one per line</span><textarea value={lines} onChange={(e) => setLines(e.target.value)} rows={3} required /></label>
      <label className="field"><span>Voice credits per voter</span><input type="number" min={1} max={10000} value={budget} onChange={(e) => setBudget(Number(e.target.value))} /></label>
      <label className="check"><input type="checkbox" checked={against} onChange={(e) => setAgainst(e.target.checked)} /> Votes against count</label>
      <label className="field"><span>Results</span>
        <select value={results} onChange={(e) => setResults(e.target.value as BallotResultsMode)}>
          <option value="live">Live</option><option value="after-close">Hidden until it closes</option>
        </select>
      </label>
      <label className="field"><span>Privacy (fixed once voting starts)</span>
        <select value={privacy} onChange={(e) => setPrivacy(e.target.value as BallotPrivacy)}>
          <option value="anonymous">Anonymous tallies</option><option value="named">Named ballots</option>
        </select>
      </label>
      <fieldset className="ballot-voters">
        <legend className="small">Who may vote</legend>
        {(['accounts', 'codes', 'guests'] as const).map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={voters[k]} onChange={(e) => setVoters({ ...voters, [k]: e.target.checked })} />
            {k === 'accounts' ? ' Accounts' : k === 'codes' ? ' Ballot codes' : ' Guests (tallied apart)'}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="small">Set up ballot</button>
      {error && <p className="form-error" role="alert">{error}</p>}
      {done && <p className="muted small" role="status">The ballot is set up; open it when voting should start.</p>}
    </form>
  );
}
