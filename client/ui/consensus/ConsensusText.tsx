import { useConsensus } from '../../state/consensus.js';
import { AddStatement } from './AddStatement.js';
import { OpinionSummary } from './OpinionSummary.js';
import { VoteCard } from './VoteCard.js';
import './consensus.css';

/** The consensus question in the accessible view: vote, add a statement, and the opinion map as text. */
export function ConsensusText() {
  const conversation = useConsensus((s) => s.conversation);
  if (!conversation) return null;
  return (
    <section id="a11y-consensus" className="a11y-section" aria-labelledby="a11y-consensus-title">
      <h2 id="a11y-consensus-title">Consensus: {conversation.question}</h2>
      <VoteCard />
      <AddStatement />
      <OpinionSummary />
    </section>
  );
}
