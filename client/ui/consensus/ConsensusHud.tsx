import { useId, useState } from 'react';
import { LazyPart } from '../../LazyPart.js';
import { lazyRetry } from '../../lazyRetry.js';
import { toggleConsensus, useConsensus } from '../../state/consensus.js';
import { useAllows } from '../townhall/useAllows.js';
import type { StaffForm } from './ConsensusForms.js';
import './consensus.css';

/** The panel and staff's forms are a chunk fetched when one first opens, not before the first frame. */
const loadForms = () => import('./ConsensusForms.js');
const ConsensusPanel = lazyRetry(() => loadForms().then((m) => ({ default: m.ConsensusPanel })));
const StaffForms = lazyRetry(() => loadForms().then((m) => ({ default: m.StaffForms })));

/** The space's consensus question: a "Consensus" button and its panel (vote, add a statement, the map as text). */
export function ConsensusHud() {
  const conversation = useConsensus((s) => s.conversation);
  const open = useConsensus((s) => s.open);
  const panelId = useId();
  const manages = useAllows('consensus.manage');
  const [form, setForm] = useState<StaffForm>(null);
  const start = (f: StaffForm) => {
    setForm(f);
    toggleConsensus(false);
  };
  const forms = form && <LazyPart><StaffForms form={form} setForm={setForm} /></LazyPart>;
  if (!conversation) {
    if (!manages) return null;
    return (
      <div className="consensus-corner">
        {forms}
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
      {forms}
      {open && <LazyPart><ConsensusPanel id={panelId} start={start} /></LazyPart>}
      <button type="button" className="secondary exhibits-button" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => toggleConsensus()}>
        Consensus <span className="count">{conversation.statements.length}</span>
      </button>
    </div>
  );
}
