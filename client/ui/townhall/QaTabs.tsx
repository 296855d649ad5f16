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

/**
 * The Q&A panel's body: tabs from react-aria-components (arrow keys, Home and End move between
 * them) for what everyone may see, asking one, and one's own. The panel keeps the chosen tab.
 */
export function QaTabs({ id, tab, onTab }: { id: string; tab: Key; onTab: (tab: Key) => void }) {
  const count = useHall((s) => s.questions.length);
  const mineCount = useHall((s) => (s.mine ? s.mine.pending.length : 0));
  const counts: Record<TabId, number | null> = { questions: count, ask: null, mine: mineCount || null };
  return (
    <Tabs id={id} className="qa-body" selectedKey={tab} onSelectionChange={onTab}>
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
  );
}
