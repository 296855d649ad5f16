import { toggleConsensus, useConsensus } from '../../state/consensus.js';
import { useAllows } from '../townhall/useAllows.js';
import { AddStatement } from './AddStatement.js';
import { AskQuestion } from './AskQuestion.js';
import { ImportConversation } from './ImportConversation.js';
import { OpinionSummary } from './OpinionSummary.js';
import { PendingStatements } from './PendingStatements.js';
import { VoteCard } from './VoteCard.js';

export type StaffForm = 'ask' | 'import' | null;

/** Staff's forms: ask a question, or import one held elsewhere. */
export function StaffForms({ form, setForm }: { form: StaffForm; setForm: (f: StaffForm) => void }) {
  const done = () => setForm(null);
  if (form === 'ask') return <AskQuestion onDone={done} />;
  if (form === 'import') return <ImportConversation onDone={done} />;
  return null;
}

/** The open consensus panel: vote, add a statement, staff's queue and forms, the map as text. */
export function ConsensusPanel({ id, start }: { id: string; start: (f: StaffForm) => void }) {
  const conversation = useConsensus((s) => s.conversation);
  const error = useConsensus((s) => s.error);
  const notice = useConsensus((s) => s.notice);
  const moderates = useAllows('consensus.moderate');
  const manages = useAllows('consensus.manage');
  if (!conversation) return null;
  return (
    <section id={id} className="panel consensus-panel" aria-label="Consensus">
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
  );
}
