import { useId, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useHall } from '../../state/hall.js';
import { AskForm } from './AskForm.js';
import { MyQuestions } from './MyQuestions.js';
import { QuestionList } from './QuestionList.js';

type TabId = 'questions' | 'ask' | 'mine';
const TABS: { id: TabId; label: string }[] = [
  { id: 'questions', label: 'Questions' },
  { id: 'ask', label: 'Ask' },
  { id: 'mine', label: 'Mine' },
];

/** Open by default where there is room for it beside the 3D view. */
function roomy(): boolean {
  return typeof window !== 'undefined' && window.innerWidth >= 900;
}

/**
 * Questions and answers: what everyone may see, asking one, and one's own. A panel that folds
 * away, with tabs from react-aria-components (arrow keys, Home and End move between them).
 */
export function QaPanel() {
  const [open, setOpen] = useState(roomy);
  const [tab, setTab] = useState<Key>('questions');
  const count = useHall((s) => s.questions.length);
  const mineCount = useHall((s) => (s.mine ? s.mine.pending.length : 0));
  const base = useId();
  const counts: Record<TabId, number | null> = { questions: count, ask: null, mine: mineCount || null };

  return (
    <section className={open ? 'panel qa open' : 'panel qa'} aria-labelledby={`${base}-title`}>
      <div className="panel-head">
        <h2 id={`${base}-title`}>Q&amp;A</h2>
        <button type="button" className="small secondary" aria-expanded={open} aria-controls={`${base}-body`} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
          <span className="visually-hidden"> questions and answers</span>
        </button>
      </div>
      {open && (
        <Tabs id={`${base}-body`} className="qa-body" selectedKey={tab} onSelectionChange={setTab}>
          <TabList className="tabs" aria-label="Questions and answers">
            {TABS.map((t) => (
              <Tab key={t.id} id={t.id} className="tab">
                {t.label}
                {counts[t.id] !== null && <span className="count"> {counts[t.id]}</span>}
              </Tab>
            ))}
          </TabList>
          <TabPanel id="questions" className="tab-panel"><QuestionList /></TabPanel>
          <TabPanel id="ask" className="tab-panel"><AskForm /></TabPanel>
          <TabPanel id="mine" className="tab-panel"><MyQuestions /></TabPanel>
        </Tabs>
      )}
    </section>
  );
}
