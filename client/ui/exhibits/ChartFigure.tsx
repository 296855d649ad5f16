import type { ContentOf } from '../../../shared/exhibits/exhibit.js';

/** The series' colours, as the chart in the world draws them. */
const COLOURS = ['#7fd8ff', '#ffd166', '#6fdc8c', '#ff9a8a', '#c3a6ff', '#f5f1e8'] as const;

const numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });

function colour(i: number): string {
  return COLOURS[i % COLOURS.length]!;
}

/** Horizontal bars per row (negative values to the left of a middle line). */
function Bars({ c }: { c: ContentOf<'chart'> }) {
  const values = c.rows.flatMap((r) => r.values);
  const largest = Math.max(1e-12, ...values.map((v) => Math.abs(v)));
  const negative = values.some((v) => v < 0);
  return (
    <div className={negative ? 'chart-bars two-sided' : 'chart-bars'} aria-hidden="true">
      {c.rows.map((row, r) => (
        <div className="chart-bar-row" key={r}>
          <span className="chart-bar-label">{row.label}</span>
          <span className="chart-bar-set">
            {row.values.map((v, s) => (
              <span className="chart-bar-track" key={s}>
                <span
                  className={v < 0 ? 'chart-bar negative' : 'chart-bar'}
                  style={{ width: `${(Math.abs(v) / largest) * (negative ? 50 : 100)}%`, background: colour(s) }}
                />
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}

/** One line per series over the rows. */
function Lines({ c }: { c: ContentOf<'chart'> }) {
  const W = 560;
  const H = 200;
  const pad = 12;
  const values = c.rows.flatMap((r) => r.values);
  const lo = Math.min(0, ...values);
  const hi = Math.max(lo + 1e-9, ...values);
  const x = (i: number) => pad + (c.rows.length > 1 ? (i / (c.rows.length - 1)) * (W - 2 * pad) : (W - 2 * pad) / 2);
  const y = (v: number) => H - pad - ((v - lo) / (hi - lo)) * (H - 2 * pad);
  return (
    <svg className="chart-lines" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      <line x1={pad} x2={W - pad} y1={y(0)} y2={y(0)} className="chart-zero" />
      {c.series.map((_, s) => (
        <polyline
          key={s}
          fill="none"
          stroke={colour(s)}
          strokeWidth={3}
          strokeLinejoin="round"
          points={c.rows.map((r, i) => `${x(i)},${y(r.values[s] ?? 0)}`).join(' ')}
        />
      ))}
    </svg>
  );
}

/**
 * A chart's numbers as a table (what screen readers and careful readers use), with the bars or
 * lines drawn beside it for the eye.
 */
export function ChartFigure({ c, title }: { c: ContentOf<'chart'>; title: string }) {
  return (
    <figure className="chart-figure">
      {c.series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {c.series.map((name, s) => (
            <li key={s}><span className="swatch" style={{ background: colour(s) }} />{name}</li>
          ))}
        </ul>
      )}
      {c.chart === 'bar' ? <Bars c={c} /> : <Lines c={c} />}
      <div className="table-scroll">
        <table className="data-table chart-table">
          <caption>{c.unit ? `${title} (${c.unit})` : title}</caption>
          <thead>
            <tr>
              <td />
              {c.series.map((name, s) => <th scope="col" key={s} className="number">{name}</th>)}
            </tr>
          </thead>
          <tbody>
            {c.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, s) => <td key={s} className="number">{numbers.format(v)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
