import { useId, useState } from 'react';
import { AskQuestion } from './AskQuestion.js';
import { toggleConsensus, useConsensus } from '../../state/consensus.js';
import { AddStatement } from './AddStatement.js';
import { OpinionSummary } from './OpinionSummary.js';
import { PendingStatements } from './PendingStatements.js';
import { useAllows } from '../townhall/useAllows.js';
import { VoteCard } from './VoteCard.js';
import './consensus.css';

/** The space's consensus question: a "Consensus" button and its panel (vote, add a statement, the map as text). */
export function ConsensusHud() {
  const conversation = useConsensus((s) => s.conversation);
  const open = useConsensus((s) => s.open);
  const error = useConsensus((s) => s.error);
  const notice = useConsensus((s) => s.notice);
  const panelId = useId();
  const moderates = useAllows('consensus.moderate');
  const manages = useAllows('consensus.manage');
  const [asking, setAsking] = useState(false);
  if (!conversation) {
    if (!manages) return null;
    return (
      <div className="consensus-corner">
        {asking && <AskQuestion onDone={() => setAsking(false)} />}
        {!asking && <button type="button" className="secondary exhibits-button" onClick={() => setAsking(true)}>Ask a consensus question</button>}
      </div>
    );
  }
  return (
    <div className="consensus-corner">
      {asking && <AskQuestion onDone={() => setAsking(false)} />}
      {open && (
        <section id={panelId} className="panel consensus-panel" aria-label="Consensus">
          <div className="panel-head">
            <h2>{conversation.question}</h2>
            <button type="button" className="link" onClick={() => toggleConsensus(false)}>Close</button>
          </div>
          <VoteCard />
          {error && <p className="form-error" role="alert">{error}</p>}
          <p className="visually-hidden" role="status">{notice ?? ''}</p>
          <AddStatement />
          {moderates && <PendingStatements />}
          {manages && <button type="button" className="link consensus-check" onClick={() => { setAsking(true); toggleConsensus(false); }}>Ask a new question</button>}
          <OpinionSummary />
        </section>
      )}
      <button type="button" className="secondary exhibits-button" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => toggleConsensus()}>
        Consensus <span className="count">{conversation.statements.length}</span>
      </button>
    </div>
  );
}
