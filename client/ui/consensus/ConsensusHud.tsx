import { useId, useState } from 'react';
import { AskQuestion } from './AskQuestion.js';
import { toggleConsensus, useConsensus } from '../../state/consensus.js';
import { AddStatement } from './AddStatement.js';
import { ImportConversation } from './ImportConversation.js';
import { OpinionSummary } from './OpinionSummary.js';
import { PendingStatements } from './PendingStatements.js';
import { useAllows } from '../townhall/useAllows.js';
import { VoteCard } from './VoteCard.js';
import './consensus.css';

type StaffForm = 'ask' | 'import' | null;

/** Staff's forms: ask a question, or import one held elsewhere. */
function StaffForms({ form, setForm }: { form: StaffForm; setForm: (f: StaffForm) => void }) {
  const done = () => setForm(null);
  if (form === 'ask') return <AskQuestion onDone={done} />;
  if (form === 'import') return <ImportConversation onDone={done} />;
  return null;
}

/** The space's consensus question: a "Consensus" button and its panel (vote, add a statement, the map as text). */
export function ConsensusHud() {
  const conversation = useConsensus((s) => s.conversation);
  const open = useConsensus((s) => s.open);
  const error = useConsensus((s) => s.error);
  const notice = useConsensus((s) => s.notice);
  const panelId = useId();
  const moderates = useAllows('consensus.moderate');
  const manages = useAllows('consensus.manage');
  const [form, setForm] = useState<StaffForm>(null);
  const start = (f: StaffForm) => {
    setForm(f);
    toggleConsensus(false);
  };
  if (!conversation) {
    if (!manages) return null;
    return (
      <div className="consensus-corner">
        <StaffForms form={form} setForm={setForm} />
        {!form && (
          <>
            <button type="button" className="secondary exhibits-button" onClick={() => setForm('ask')}>Ask a consensus question</button>
            <button type="button" className="secondary exhibits-button" onClick={() => setForm('import')}>Import a conversation</button>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="consensus-corner">
      <StaffForms form={form} setForm={setForm} />
      {open && (
        <section id={panelId} className="panel consensus-panel" aria-label="Consensus">
          <div className="panel-head">
            <h2>{conversation.question}</h2>
            <button type="button" className="link" onClick={() => toggleConsensus(false)}>Close</button>
          </div>
          {conversation.source === 'imported' && <p className="consensus-progress">Imported from a conversation held elsewhere (Pol.is open-data layout).</p>}
          <VoteCard />
          {error && <p className="form-error" role="alert">{error}</p>}
          <p className="visually-hidden" role="status">{notice ?? ''}</p>
          <AddStatement />
          {moderates && <PendingStatements />}
          {manages && (
            <div className="button-row">
              <button type="button" className="link consensus-check" onClick={() => start('ask')}>Ask a new question</button>
              <button type="button" className="link consensus-check" onClick={() => start('import')}>Import a conversation</button>
            </div>
          )}
          <OpinionSummary />
        </section>
      )}
      <button type="button" className="secondary exhibits-button" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => toggleConsensus()}>
        Consensus <span className="count">{conversation.statements.length}</span>
      </button>
    </div>
  );
}
