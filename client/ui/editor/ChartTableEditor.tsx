import { useEffect, useRef, useState } from 'react';
import { CHART_MAX_ROWS, CHART_MAX_SERIES } from '../../../shared/exhibits/exhibit.js';
import { parseNumber, type ChartTable } from './chartCsv.js';

/** The table as it is being typed: every cell a string until it is sent. */
interface Grid {
  series: string[];
  rows: { label: string; values: string[] }[];
}

function gridOf(table: ChartTable): Grid {
  return { series: [...table.series], rows: table.rows.map((r) => ({ label: r.label, values: r.values.map(String) })) };
}

/** The grid as numbers, or the first cell that is not one. */
function tableOf(grid: Grid): { table: ChartTable } | { error: string; cell: string } {
  const rows: ChartTable['rows'] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const values: number[] = [];
    for (let c = 0; c < grid.series.length; c++) {
      const text = row.values[c] ?? '';
      const n = parseNumber(text);
      if (Number.isNaN(n)) {
        const where = `${row.label || `row ${r + 1}`}, ${grid.series[c] || `series ${c + 1}`}`;
        return { error: text.trim() === '' ? `A number is missing (${where}).` : `“${text}” is not a number (${where}).`, cell: `${r}:${c}` };
      }
      values.push(n);
    }
    rows.push({ label: row.label.trim(), values });
  }
  return { table: { series: grid.series.map((s) => s.trim()), rows } };
}

/**
 * The chart's numbers as a small grid: series names across the top, a label and one number
 * per series on each row. Leaving a cell sends the table if it is complete; rows and series
 * can be added and removed.
 */
export function ChartTableEditor({ table, onCommit, problem }: { table: ChartTable; onCommit: (t: ChartTable) => void; problem: string | null }) {
  const [grid, setGrid] = useState<Grid | null>(null);
  const [error, setError] = useState<{ error: string; cell: string } | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) {
      setGrid(null);
      setError(null);
    }
  }, [table]);
  const shown = grid ?? gridOf(table);

  const commit = (next: Grid) => {
    const result = tableOf(next);
    if ('error' in result) {
      setError(result);
      return;
    }
    setError(null);
    onCommit(result.table);
  };
  const change = (next: Grid) => {
    editing.current = true;
    setGrid(next);
  };
  const apply = (next: Grid) => {
    editing.current = false;
    setGrid(next);
    commit(next);
  };

  const setSeries = (c: number, name: string) => change({ ...shown, series: shown.series.map((s, i) => (i === c ? name : s)) });
  const setLabel = (r: number, label: string) => change({ ...shown, rows: shown.rows.map((row, i) => (i === r ? { ...row, label } : row)) });
  const setValue = (r: number, c: number, v: string) => change({
    ...shown,
    rows: shown.rows.map((row, i) => (i === r ? { ...row, values: row.values.map((x, j) => (j === c ? v : x)) } : row)),
  });

  return (
    <div
      className="chart-grid"
      onBlur={(e) => {
        if (grid && !e.currentTarget.contains(e.relatedTarget)) apply(grid);
      }}
    >
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Label</th>
              {shown.series.map((name, c) => (
                <th scope="col" key={c}>
                  <span className="cell-with-action">
                    <input type="text" aria-label={`Series ${c + 1} name`} value={name} onChange={(e) => setSeries(c, e.target.value)} onBlur={() => grid && commit(grid)} />
                    {shown.series.length > 1 && (
                      <button type="button" className="icon" aria-label={`Remove series ${name || c + 1}`} onClick={() => apply({
                        series: shown.series.filter((_, i) => i !== c),
                        rows: shown.rows.map((row) => ({ ...row, values: row.values.filter((_, i) => i !== c) })),
                      })}>×</button>
                    )}
                  </span>
                </th>
              ))}
              <td />
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">
                  <input type="text" aria-label={`Row ${r + 1} label`} value={row.label} onChange={(e) => setLabel(r, e.target.value)} onBlur={() => grid && commit(grid)} />
                </th>
                {shown.series.map((name, c) => (
                  <td key={c}>
                    <input
                      type="text"
                      inputMode="decimal"
                      className="number"
                      aria-label={`${row.label || `Row ${r + 1}`}, ${name || `series ${c + 1}`}`}
                      aria-invalid={error?.cell === `${r}:${c}` ? true : undefined}
                      value={row.values[c] ?? ''}
                      onChange={(e) => setValue(r, c, e.target.value)}
                      onBlur={() => grid && commit(grid)}
                    />
                  </td>
                ))}
                <td>
                  <button type="button" className="icon" aria-label={`Remove row ${row.label || r + 1}`} onClick={() => apply({ ...shown, rows: shown.rows.filter((_, i) => i !== r) })}>×</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="small secondary"
          disabled={shown.rows.length >= CHART_MAX_ROWS}
          onClick={() => apply({ ...shown, rows: [...shown.rows, { label: `Row ${shown.rows.length + 1}`, values: shown.series.map(() => '0') }] })}
        >
          Add row
        </button>
        <button
          type="button"
          className="small secondary"
          disabled={shown.series.length >= CHART_MAX_SERIES}
          onClick={() => apply({
            series: [...shown.series, `Series ${shown.series.length + 1}`],
            rows: shown.rows.map((row) => ({ ...row, values: [...row.values, '0'] })),
          })}
        >
          Add series
        </button>
      </div>
      {(error?.error ?? problem) && <p className="form-error">{error?.error ?? problem}</p>}
    </div>
  );
}
