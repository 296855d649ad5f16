import { useId } from 'react';
import type { Lever } from '../../../shared/sim/model.js';
import { formatLever } from '../../sim/format.js';
import type { TwinView } from '../../sim/useTwin.js';
import { reseedTwin, setMine, steerTwin } from '../../state/twins.js';

function LeverField({ lever, value, official, onChange }: { lever: Lever; value: number; official: number; onChange: (v: number) => void }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field twin-lever">
      <label htmlFor={id}>
        {lever.label} <output htmlFor={id} className="twin-lever-value">{formatLever(lever, value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={lever.min}
        max={lever.max}
        step={lever.step}
        value={value}
        aria-describedby={hintId}
        aria-valuetext={formatLever(lever, value)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <p id={hintId} className="hint">
        {lever.help} Official: {formatLever(lever, official)}. Range {formatLever(lever, lever.min)} to {formatLever(lever, lever.max)}.
      </p>
    </div>
  );
}

/** The visitor's levers and seed: moving one runs their own scenario beside the official one. */
export function TwinLevers({ exhibitId, twin }: { exhibitId: string; twin: TwinView }) {
  const { info } = twin.model;
  const current = twin.mine ?? twin.official;
  const seedId = useId();
  return (
    <section className="twin-levers" aria-label="Your levers">
      <h3>Your levers</h3>
      {info.levers.map((l) => (
        <LeverField
          key={l.key}
          lever={l}
          value={current.params[l.key] ?? l.default}
          official={twin.official.params[l.key] ?? l.default}
          onChange={(v) => steerTwin(exhibitId, info, twin.official, l.key, v)}
        />
      ))}
      <div className="twin-seed-row">
        <div className="field twin-seed">
          <label htmlFor={seedId}>Seed</label>
          <input
            id={seedId}
            type="number"
            min={0}
            max={2 ** 31 - 1}
            step={1}
            value={current.seed}
            onChange={(e) => {
              const seed = Number(e.target.value);
              if (Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 31 - 1) reseedTwin(exhibitId, info, twin.official, seed);
            }}
          />
        </div>
        <button type="button" className="secondary small" disabled={!twin.mine} onClick={() => setMine(exhibitId, null)}>
          Back to the official scenario
        </button>
      </div>
      <p className="hint">
        Your scenario is yours alone: nobody else sees your levers. The same levers and seed always give the same
        numbers, in any browser (model version {info.version}).
      </p>
    </section>
  );
}
