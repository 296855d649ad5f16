import type { Metric } from '../../../shared/sim/model.js';
import { formatChange, formatMetric, runProgress } from '../../sim/format.js';
import type { TwinView } from '../../sim/useTwin.js';

function tone(m: Metric, d: number): string {
  if (!m.better || d === 0) return '';
  return (d > 0) === (m.better === 'higher') ? 'better' : 'worse';
}

/**
 * Every outcome, official beside the visitor's own with the change, as a table (the numbers a
 * reader can quote). Computing and refusals are said in a live region.
 */
export function TwinReadout({ twin }: { twin: TwinView }) {
  const { metrics } = twin.model.info;
  const official = twin.officialRun?.status === 'done' ? twin.officialRun.result : null;
  const mine = twin.mineRun?.status === 'done' ? twin.mineRun.result : null;
  const note = runProgress(twin.officialRun) ?? (twin.mine ? runProgress(twin.mineRun) : null);
  return (
    <section className="twin-readout" aria-label="Outcomes">
      <h3>Outcomes</h3>
      <p role="status" className="twin-status">{note ?? ''}</p>
      <div className="table-scroll">
        <table className="data-table twin-table">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col" className="number">Official</th>
              {twin.mine && <th scope="col" className="number">Yours</th>}
              {twin.mine && <th scope="col" className="number">Change</th>}
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => {
              const a = official?.metrics[m.key];
              const b = mine?.metrics[m.key];
              return (
                <tr key={m.key} data-metric={m.key}>
                  <th scope="row" title={m.help}>{m.label}</th>
                  <td className="number" data-official={a ?? ''}>{formatMetric(m, a)}</td>
                  {twin.mine && <td className="number" data-yours={b ?? ''}>{formatMetric(m, b)}</td>}
                  {twin.mine && (
                    <td className={`number ${a !== undefined && b !== undefined ? tone(m, b - a) : ''}`}>
                      {a !== undefined && b !== undefined ? formatChange(m, a, b) : ''}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {official && (
        <p className="hint">
          Settled after {official.steps} steps{mine ? ` (yours: ${mine.steps})` : ''}; computed in your browser.
        </p>
      )}
    </section>
  );
}
