import { useEffect, useId, useRef, useState } from 'react';
import { Source } from '../../../shared/exhibits/exhibit.js';

interface Row { title: string; url: string }

const MAX_SOURCES = 20;

/** What is wrong with one row (the shared Source schema), or null. */
function rowProblem(row: Row): string | null {
  const parsed = Source.safeParse(row);
  return parsed.success ? null : parsed.error.issues[0]?.message ?? 'This source is not valid.';
}

const isBlank = (row: Row) => row.title.trim() === '' && row.url.trim() === '';

/**
 * The sources an exhibit rests on: rows of title and link. Rows are edited here and sent (the
 * whole list) when a row is left complete and valid; a row being filled
 * in is not sent until it is. Removing a row sends at once.
 */
export function SourcesEditor({ sources: stored, onCommit }: { sources: Source[]; onCommit: (sources: Source[]) => void }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [problems, setProblems] = useState<(string | null)[]>([]);
  const editing = useRef(false);
  const headingId = useId();

  useEffect(() => {
    if (!editing.current) {
      setRows(null);
      setProblems([]);
    }
  }, [stored]);

  const shown = rows ?? stored;

  const commit = (next: Row[]) => {
    const kept = next.filter((r) => !isBlank(r));
    const found = next.map((r) => (isBlank(r) ? null : rowProblem(r)));
    setProblems(found);
    if (found.some((p) => p !== null)) return;
    const sources = kept.map((r) => ({ title: r.title.trim(), url: r.url.trim() }));
    const same = sources.length === stored.length && sources.every((s, i) => s.title === stored[i]?.title && s.url === stored[i]?.url);
    if (!same) onCommit(sources);
  };

  const edit = (i: number, patch: Partial<Row>) => {
    editing.current = true;
    setRows(shown.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };

  const leave = () => {
    editing.current = false;
    if (rows) commit(rows);
  };

  const remove = (i: number) => {
    const next = shown.filter((_, j) => j !== i);
    editing.current = false;
    setRows(next);
    commit(next);
  };

  return (
    <fieldset className="sources" aria-labelledby={headingId}>
      <legend id={headingId}>Sources</legend>
      {shown.length === 0 && <p className="hint">None yet. Add the reports, data or laws this exhibit rests on.</p>}
      <ol>
        {shown.map((row, i) => (
          <li key={i} className="source-row" onBlur={(e) => {
            // Leaving the row (not moving between its own inputs) commits it.
            if (!e.currentTarget.contains(e.relatedTarget)) leave();
          }}>
            <input
              type="text"
              aria-label={`Source ${i + 1} name`}
              placeholder="Title, e.g. ONS housing survey 2025"
              value={row.title}
              aria-invalid={problems[i] ? true : undefined}
              onChange={(e) => edit(i, { title: e.target.value })}
            />
            <input
              type="url"
              aria-label={`Source ${i + 1} link`}
              placeholder="https://…"
              value={row.url}
              aria-invalid={problems[i] ? true : undefined}
              onChange={(e) => edit(i, { url: e.target.value })}
            />
            <button type="button" className="icon" aria-label={`Remove source ${i + 1}`} onClick={() => remove(i)}>×</button>
            {problems[i] && <p className="form-error">{problems[i]}</p>}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="small secondary"
        disabled={shown.length >= MAX_SOURCES}
        onClick={() => {
          editing.current = true;
          setRows([...shown, { title: '', url: '' }]);
        }}
      >
        Add source
      </button>
    </fieldset>
  );
}
