import { useId, useState } from 'react';
import { ChartContent, type ContentOf } from '../../../shared/exhibits/exhibit.js';
import { FormError } from '../FormError.js';
import { chartToCsv, parseChartCsv, type ChartTable } from './chartCsv.js';
import { ChartTableEditor } from './ChartTableEditor.js';
import { CommitField, problemOf } from './CommitField.js';

type Chart = ContentOf<'chart'>;

/** A chart: bars or lines, its unit, and its table (edited cell by cell, or pasted as CSV). */
export function ChartFields({ content, onCommit }: { content: Chart; onCommit: (change: (c: Chart) => Chart) => void }) {
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [tableProblem, setTableProblem] = useState<string | null>(null);
  const pasteId = useId();
  const typeId = useId();

  const commitTable = (table: ChartTable): boolean => {
    const next: Chart = { ...content, series: table.series, rows: table.rows };
    const problem = problemOf(ChartContent.safeParse(next));
    setTableProblem(problem);
    if (problem) return false;
    onCommit((c) => ({ ...c, series: table.series, rows: table.rows }));
    return true;
  };

  const applyPasted = () => {
    const parsed = parseChartCsv(paste);
    if (!parsed.ok) {
      setPasteError(parsed.error);
      return;
    }
    const next: Chart = { ...content, series: parsed.table.series, rows: parsed.table.rows };
    const problem = problemOf(ChartContent.safeParse(next));
    setPasteError(problem);
    if (problem) return;
    const { series, rows } = parsed.table;
    onCommit((c) => ({ ...c, series, rows }));
    setPaste('');
  };

  return (
    <>
      <div className="field">
        <span className="field-label" id={typeId}>Chart</span>
        <div className="toolbar" role="group" aria-labelledby={typeId}>
          {(['bar', 'line'] as const).map((t) => (
            <button
              key={t}
              type="button"
              className="small secondary"
              aria-pressed={content.chart === t}
              onClick={() => content.chart !== t && onCommit((c) => ({ ...c, chart: t }))}
            >
              {t === 'bar' ? 'Bars' : 'Lines'}
            </button>
          ))}
        </div>
      </div>
      <CommitField
        label="Unit"
        value={content.unit}
        placeholder="e.g. £m, %, homes"
        validate={(v) => problemOf(ChartContent.shape.unit.safeParse(v))}
        onCommit={(unit) => onCommit((c) => ({ ...c, unit }))}
      />
      <div className="field">
        <span className="field-label">Data</span>
        <ChartTableEditor table={content} onCommit={commitTable} problem={tableProblem} />
      </div>
      <details className="paste-csv">
        <summary>Paste a table (CSV)</summary>
        <label htmlFor={pasteId} className="hint">
          First row: a heading, then the series names. Then one row per label with its numbers. Cells copied from a spreadsheet work too.
        </label>
        <textarea
          id={pasteId}
          rows={5}
          value={paste}
          placeholder={chartToCsv({ series: ['2024', '2025'], rows: [{ label: 'North', values: [120, 140] }, { label: 'South', values: [90, 115] }] }, 'Region')}
          aria-invalid={pasteError ? true : undefined}
          onChange={(e) => {
            setPaste(e.target.value);
            setPasteError(null);
          }}
        />
        <div className="button-row">
          <button type="button" className="small" disabled={paste.trim() === ''} onClick={applyPasted}>Use this table</button>
          <button type="button" className="small secondary" onClick={() => setPaste(chartToCsv(content))}>Copy current table here</button>
        </div>
        <FormError message={pasteError} />
      </details>
    </>
  );
}
