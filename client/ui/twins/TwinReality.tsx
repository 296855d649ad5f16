import { useEffect } from 'react';
import { withUnit } from '../../sim/format.js';
import { ensureReality } from '../../sim/twinRuns.js';
import type { TwinView } from '../../sim/useTwin.js';
import { useTwins } from '../../state/twins.js';

/** Model against reality: published outcomes beside what this model computes for the same policy. */
export function TwinReality({ twin }: { twin: TwinView }) {
  const id = twin.model.info.id;
  const seed = twin.official.seed;
  const has = typeof twin.model.realityChecks === 'function';
  const checks = useTwins((s) => s.reality[`${id}#${seed}`]);
  useEffect(() => {
    if (has) ensureReality(id, seed);
  }, [has, id, seed]);
  if (!has) return null;
  return (
    <section className="twin-reality" aria-label="Model against reality">
      <h3>Model against reality</h3>
      {!checks ? (
        <p className="muted" role="status">Computing the comparison…</p>
      ) : checks.length === 0 ? (
        <p className="muted">No comparison is available.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col" className="number">Published</th>
                <th scope="col" className="number">This model</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr key={c.label}>
                  <th scope="row">{c.label}</th>
                  <td className="number">{withUnit(c.real, c.unit, 1)}</td>
                  <td className="number">{withUnit(c.model, c.unit, 1)}</td>
                  <td className="note">{c.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
