import type { RefObject } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { ConsoleQuestionCard } from './ConsoleQuestionCard.js';
import { mergeTargets, type ConsoleColumns as Columns, type ConsoleQuestion } from './consoleQuestions.js';

const COLUMNS: { key: keyof Columns; title: string; empty: string }[] = [
  { key: 'waiting', title: 'Waiting', empty: 'No questions waiting for a decision.' },
  { key: 'approved', title: 'Approved', empty: 'Approved questions appear here, most votes first.' },
  { key: 'answered', title: 'Answered', empty: 'Nothing answered yet.' },
];

/** The search over every question, and the waiting / approved / answered columns. */
export function ConsoleColumns({ columns, all, search, onSearch, searchRef }: {
  columns: Columns;
  /** The unfiltered columns (merging may target a question the search hides). */
  all: Columns;
  search: string;
  onSearch: (text: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <section className="console-questions" aria-label="Questions">
      <SearchField className="console-search" value={search} onChange={onSearch} aria-label="Search questions">
        <Label>Search questions <kbd>/</kbd></Label>
        <Input ref={searchRef} placeholder="Words from the question or the asker's name" />
        {search && <Button className="button small secondary">Clear</Button>}
      </SearchField>
      <div className="console-columns">
        {COLUMNS.map((c) => (
          <section key={c.key} className={`console-column column-${c.key}`} aria-labelledby={`console-${c.key}`}>
            <h2 id={`console-${c.key}`}>
              {c.title} <span className="count">{columns[c.key].length}</span>
            </h2>
            {columns[c.key].length === 0 ? (
              <p className="muted">{search ? 'None match the search.' : c.empty}</p>
            ) : (
              <ul aria-label={`${c.title} questions`}>
                {columns[c.key].map((q: ConsoleQuestion) => (
                  <ConsoleQuestionCard key={q.id} question={q} targets={mergeTargets(q.id, all)} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
