import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Votes } from '../../../shared/protocol/ballots.js';
import { accountToken } from '../../net/account.js';
import { castVotes, loadMine } from '../../net/ballots.js';
import { useBallots, type LiveBallot } from '../../state/ballots.js';
import { codeField, creditsSpent, sameVotes, stepVotes, votesLine } from './allocation.js';

const NONE: Votes = {};

/**
 * One's own allocation of voice credits on a ballot: a row per proposal with one vote fewer and
 * one vote more, credits left announced as they change, a ballot code when the ballot needs one,
 * and a button that sends the whole allocation. The server checks the budget again.
 */
export function BallotAllocation({ live }: { live: LiveBallot }) {
  const { ballot } = live;
  const mine = useBallots((s) => s.mine[ballot.id]);
  const note = useBallots((s) => s.notes[ballot.id]);
  const saved = mine?.votes ?? NONE;
  const [draft, setDraft] = useState<Votes>(saved);
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const base = useId();

  useEffect(() => {
    void loadMine(ballot.id);
  }, [ballot.id, ballot.phase]);
  useEffect(() => setDraft(saved), [saved]);

  const spent = creditsSpent(draft);
  const left = ballot.budget - spent;
  const open = ballot.phase === 'open' && (mine?.canVote ?? true);
  const changed = !sameVotes(draft, saved);
  const field = open ? codeField(ballot, mine, accountToken() !== null) : 'no';
  const needsCode = field === 'required';
  const offerCode = field !== 'no';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    const ok = await castVotes(ballot.id, draft, offerCode && code.trim() !== '' ? code : undefined);
    setSending(false);
    if (ok) setCode('');
  };

  return (
    <form className="ballot-allocation" onSubmit={(e) => void onSubmit(e)} aria-describedby={`${base}-rule`}>
      <p id={`${base}-rule`} className="muted small">
        {`You have ${ballot.budget} voice credits. n votes on one proposal cost n\u00b2 credits (at most ${ballot.maxVotes} on one).`}
        {ballot.allowAgainst ? ' Votes against cost the same.' : ''}
      </p>
      <ul className="ballot-proposals">
        {ballot.proposals.map((p) => {
          const n = draft[p.id] ?? 0;
          const fewer = stepVotes(draft, p.id, -1, ballot.budget, ballot.allowAgainst);
          const more = stepVotes(draft, p.id, 1, ballot.budget, ballot.allowAgainst);
          return (
            <li key={p.id} className="ballot-proposal">
              <span id={`${base}-${p.id}`} className="ballot-proposal-title">{p.title}</span>
              <span className="ballot-stepper" role="group" aria-labelledby={`${base}-${p.id}`}>
                <button type="button" className="small secondary" disabled={!open || !fewer} aria-label={`One vote less for ${p.title}`} onClick={() => fewer && setDraft(fewer)}>−</button>
                <output className="ballot-votes" aria-label={`Your votes for ${p.title}`}>{n}</output>
                <button type="button" className="small secondary" disabled={!open || !more} aria-label={`One vote more for ${p.title}`} onClick={() => more && setDraft(more)}>+</button>
              </span>
              <span className="muted small">{votesLine(n)}</span>
            </li>
          );
        })}
      </ul>
      {offerCode && (
        <div className="field">
          <label htmlFor={`${base}-code`}>{needsCode ? 'Ballot code' : 'Ballot code (if you were given one)'}</label>
          <input id={`${base}-code`} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="7KQX-M2PD-9F3A" aria-describedby={`${base}-code-hint`} />
          <span id={`${base}-code-hint`} className="muted small">
            {needsCode ? 'Each code works once; after that you change your allocation without it.' : 'With a code your ballot is counted with the others; without one it is counted apart, as a guest’s.'}
          </span>
        </div>
      )}
      {/* Credits left and the button stay in view while the proposals scroll (a long ballot in the right column). */}
      <div className="ballot-footer">
        <p className="ballot-credits" role="status" aria-live="polite" data-testid="credits-left">
          {`Credits left: ${left} of ${ballot.budget}`}
        </p>
        <meter min={0} max={ballot.budget} value={spent} aria-label="Voice credits spent" />
        {mine?.reason && <p className="muted small">{mine.reason}</p>}
        {mine?.named && <p className="muted small">Your ballot will be listed with your name.</p>}
        <button type="submit" disabled={!open || !changed || sending || (needsCode && code.trim() === '')}>
          {mine?.voterClass ? 'Save changes' : 'Cast ballot'}
        </button>
        {note && <p className={note.kind === 'error' ? 'form-error' : 'muted small'} role={note.kind === 'error' ? 'alert' : 'status'}>{note.text}</p>}
      </div>
    </form>
  );
}
