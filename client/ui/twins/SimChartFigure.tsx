import type { SimChart } from '../../../shared/sim/model.js';

const COLOURS = ['#7fd8ff', '#ffd166', '#6fdc8c', '#ff9a8a', '#c3a6ff'] as const;
const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** A model's chart: lines or bars in SVG for the eye, and every point in a table for reading. */
export function SimChartFigure({ chart }: { chart: SimChart }) {
  const W = 560;
  const H = 220;
  const pad = 30;
  const points = chart.series.flatMap((s) => s.points);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(x0 + 1e-9, ...xs);
  const y0 = Math.min(0, ...ys);
  const y1 = Math.max(y0 + 1e-9, ...ys);
  const x = (v: number) => pad + ((v - x0) / (x1 - x0)) * (W - 2 * pad);
  const y = (v: number) => H - pad - ((v - y0) / (y1 - y0)) * (H - 2 * pad);
  const barWidth = chart.kind === 'bar' ? ((W - 2 * pad) / Math.max(1, points.length / chart.series.length)) * 0.6 / chart.series.length : 0;
  const xValues = [...new Set(xs)].sort((a, b) => a - b);
  return (
    <figure className="chart-figure sim-chart">
      <figcaption>{chart.title}</figcaption>
      {chart.series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {chart.series.map((s, i) => (
            <li key={s.name}><span className="swatch" style={{ background: COLOURS[i % COLOURS.length] }} />{s.name}</li>
          ))}
        </ul>
      )}
      <svg className="chart-lines" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
        <line x1={pad} x2={W - pad} y1={y(0)} y2={y(0)} className="chart-zero" />
        <line x1={pad} x2={pad} y1={y(y0)} y2={y(y1)} className="chart-zero" />
        <text x={W / 2} y={H - 4} className="chart-axis" textAnchor="middle">{chart.xLabel}</text>
        <text x={pad} y={H - 4} className="chart-axis" textAnchor="start">{numbers.format(x0)}</text>
        <text x={W - pad} y={H - 4} className="chart-axis" textAnchor="end">{numbers.format(x1)}</text>
        <text x={pad + 4} y={y(y1) + 4} className="chart-axis">{numbers.format(y1)}</text>
        <text x={pad + 4} y={12} className="chart-axis">{chart.yLabel}</text>
        {chart.series.map((s, i) =>
          chart.kind === 'line' ? (
            <polyline key={s.name} fill="none" stroke={COLOURS[i % COLOURS.length]} strokeWidth={2.5} strokeLinejoin="round" points={s.points.map(([px, py]) => `${x(px)},${y(py)}`).join(' ')} />
          ) : (
            <g key={s.name} fill={COLOURS[i % COLOURS.length]}>
              {s.points.map(([px, py]) => (
                <rect key={px} x={x(px) - (barWidth * chart.series.length) / 2 + barWidth * i} width={barWidth} y={Math.min(y(py), y(0))} height={Math.abs(y(py) - y(0))} />
              ))}
            </g>
          ),
        )}
      </svg>
      <details className="sim-chart-numbers">
        <summary>The numbers</summary>
        <div className="table-scroll">
          <table className="data-table chart-table">
            <thead>
              <tr>
                <th scope="col">{chart.xLabel}</th>
                {chart.series.map((s) => <th scope="col" key={s.name} className="number">{s.name} ({chart.yLabel})</th>)}
              </tr>
            </thead>
            <tbody>
              {xValues.map((xv) => (
                <tr key={xv}>
                  <th scope="row">{numbers.format(xv)}</th>
                  {chart.series.map((s) => {
                    const p = s.points.find((q) => q[0] === xv);
                    return <td key={s.name} className="number">{p ? numbers.format(p[1]) : ''}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
