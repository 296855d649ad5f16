import { useEffect } from 'react';
import type { RealityCheck } from '../../../shared/sim/model.js';
import { withUnit } from '../../sim/format.js';
import { ensureReality } from '../../sim/twinRuns.js';
import type { TwinView } from '../../sim/useTwin.js';
import { useTwins } from '../../state/twins.js';

const ROLE: Record<NonNullable<RealityCheck['role']>, string> = { calibration: 'fitted to this', check: 'check (same city)', 'out of sample': 'out of sample' };

/** "−8.5% (−8.6 to −8.4)": the central figure and the band over seeds and uncertain parameters. */
function withBand(c: RealityCheck): string {
  const central = withUnit(c.model, c.unit, 1);
  return c.low === undefined || c.high === undefined ? central : `${central} (${withUnit(c.low, c.unit, 1)} to ${withUnit(c.high, c.unit, 1)})`;
}

/** A sentence on how the model did: said plainly when it misses. */
function verdict(checks: RealityCheck[]): string | null {
  const scored = checks.filter((c) => c.hit !== undefined);
  if (scored.length === 0) return null;
  const missed = scored.filter((c) => c.hit === false);
  const outside = missed.filter((c) => c.role === 'out of sample');
  if (missed.length === 0) return 'Every published figure lies inside the model\'s band.';
  const under = outside.filter((c) => Math.abs(c.model) < Math.abs(c.real)).length;
  return `The model misses ${missed.length} of ${scored.length} published figures${outside.length > 0 ? `, ${outside.length} of them out of sample${under === outside.length ? ', all by predicting too small a change' : ''}` : ''}. Treat its numbers for other places as a lower bound, not a forecast.`;
}

/** Model against reality: published outcomes beside what this model computes for the same policy, with its band. */
export function TwinReality({ twin }: { twin: TwinView }) {
  const id = twin.model.info.id;
  const seed = twin.official.seed;
  const has = typeof twin.model.realityChecks === 'function';
  const checks = useTwins((s) => s.reality[`${id}#${seed}`]);
  useEffect(() => {
    if (has) ensureReality(id, seed);
  }, [has, id, seed]);
  if (!has) return null;
  const said = checks ? verdict(checks) : null;
  return (
    <section className="twin-reality" aria-label="Model against reality">
      <h3>Model against reality</h3>
      {!checks ? (
        <p className="muted" role="status">Computing the comparison…</p>
      ) : checks.length === 0 ? (
        <p className="muted">No comparison is available.</p>
      ) : (
        <>
          {said && <p className="twin-verdict" data-verdict>{said}</p>}
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col" className="number">Published</th>
                  <th scope="col" className="number">This model (band)</th>
                  <th scope="col">Inside?</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {checks.map((c) => (
                  <tr key={c.label} data-role={c.role} data-hit={c.hit === undefined ? undefined : String(c.hit)}>
                    <th scope="row">{c.label}{c.role && <span className="muted"> ({ROLE[c.role]})</span>}</th>
                    <td className="number">{withUnit(c.real, c.unit, 1)}</td>
                    <td className="number">{withBand(c)}</td>
                    <td>{c.hit === undefined ? '' : c.hit ? 'yes' : 'no: miss'}</td>
                    <td className="note">{c.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {checks.some((c) => c.low !== undefined) && (
            <p className="note muted">Bands: over seeds and over the uncertain parameters; every variant is fitted to the calibration case alone, and money elsewhere is converted by share of local pay. Other places run with their own published conditions before the policy where found (named in the source column; added after the first comparison had been seen), otherwise with the calibration case's.</p>
          )}
        </>
      )}
    </section>
  );
}
