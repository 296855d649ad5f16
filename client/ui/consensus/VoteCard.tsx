import { voteOn } from '../../net/consensus.js';
import { useConsensus } from '../../state/consensus.js';

/** The next statement to vote on (the least-voted one you have not seen), with Agree / Disagree / Pass. */
export function VoteCard() {
  const mine = useConsensus((s) => s.mine);
  const busy = useConsensus((s) => s.busy);
  if (!mine) return <p className="empty">Enter with a name to vote.</p>;
  const next = mine.next[0];
  const cast = mine.votes.length;
  const toGo = Math.max(0, mine.votesNeeded - cast);
  return (
    <section className="consensus-vote" aria-label="Vote">
      <p className="consensus-progress">
        You have voted on {cast} statement{cast === 1 ? '' : 's'}
        {toGo > 0 ? `; ${toGo} more and you join the opinion map's groups.` : '.'}
      </p>
      {next ? (
        <>
          <blockquote className="consensus-statement" data-statement={next.number}>{next.text}</blockquote>
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void voteOn(next.number, 1)}>Agree</button>
            <button type="button" disabled={busy} onClick={() => void voteOn(next.number, -1)}>Disagree</button>
            <button type="button" className="secondary" disabled={busy} onClick={() => void voteOn(next.number, 0)}>Pass / unsure</button>
          </div>
        </>
      ) : (
        <p className="empty">You have voted on every statement. Add one of your own below.</p>
      )}
    </section>
  );
}
