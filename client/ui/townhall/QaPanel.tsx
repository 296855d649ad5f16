import { useId, useState, type KeyboardEvent } from 'react';
import { useHall } from '../../state/hall.js';
import { AskForm } from './AskForm.js';
import { MyQuestions } from './MyQuestions.js';
import { QuestionList } from './QuestionList.js';

type Tab = 'questions' | 'ask' | 'mine';
const TABS: { id: Tab; label: string }[] = [
  { id: 'questions', label: 'Questions' },
  { id: 'ask', label: 'Ask' },
  { id: 'mine', label: 'Mine' },
];

/** Open by default where there is room for it beside the 3D view. */
function roomy(): boolean {
  return typeof window !== 'undefined' && window.innerWidth >= 900;
}

/** Questions and answers: what everyone may see, asking one, and one's own. A tabbed panel that folds away. */
export function QaPanel() {
  const [open, setOpen] = useState(roomy);
  const [tab, setTab] = useState<Tab>('questions');
  const count = useHall((s) => s.questions.length);
  const mineCount = useHall((s) => (s.mine ? s.mine.pending.length : 0));
  const base = useId();
  const counts: Record<Tab, number | null> = { questions: count, ask: null, mine: mineCount || null };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`${base}-${next.id}-tab`)?.focus();
  };

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
        <div id={`${base}-body`} className="qa-body">
          <div className="tabs" role="tablist" aria-label="Questions and answers" onKeyDown={onKey}>
            {TABS.map((t) => (
              <button
                key={t.id}
                id={`${base}-${t.id}-tab`}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                aria-controls={`${base}-${t.id}-panel`}
                tabIndex={tab === t.id ? 0 : -1}
                className="tab"
                onClick={() => setTab(t.id)}
              >
                {t.label}
                {counts[t.id] !== null && <span className="count"> {counts[t.id]}</span>}
              </button>
            ))}
          </div>
          <div id={`${base}-${tab}-panel`} role="tabpanel" aria-labelledby={`${base}-${tab}-tab`} className="tab-panel">
            {tab === 'questions' && <QuestionList />}
            {tab === 'ask' && <AskForm />}
            {tab === 'mine' && <MyQuestions />}
          </div>
        </div>
      )}
    </section>
  );
}
