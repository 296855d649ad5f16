import { formatLever } from '../../sim/format.js';
import type { TwinView } from '../../sim/useTwin.js';
import { hostOf } from '../CopyLink.js';

/** "How this works": the question, assumptions, sources, levers, outcomes, seed and model version. */
export function TwinHowItWorks({ twin }: { twin: TwinView }) {
  const { info } = twin.model;
  const current = twin.mine ?? twin.official;
  return (
    <details className="twin-how">
      <summary>How this works</summary>
      <p><strong>{info.name}</strong>, model version {info.version}. {info.question}</p>
      <h4>Assumptions</h4>
      <ul>{info.assumptions.map((a) => <li key={a}>{a}</li>)}</ul>
      <h4>Figures it uses, and where they come from</h4>
      <ul className="twin-sources">
        {info.sources.map((s) => (
          <li key={`${s.use}-${s.value}`}>
            {s.use}: <strong>{s.value}</strong>. {s.url ? <a href={s.url} target="_blank" rel="noopener noreferrer">{s.source}</a> : s.source}
            {s.url && hostOf(s.url) && <span className="muted"> · {hostOf(s.url)}</span>}
            {s.secondHand && <span className="muted"> (read in a secondary summary; a stated assumption)</span>}
          </li>
        ))}
      </ul>
      <h4>Levers</h4>
      <ul>
        {info.levers.map((l) => (
          <li key={l.key}>
            {l.label}: {formatLever(l, l.min)} to {formatLever(l, l.max)}, default {formatLever(l, l.default)}. {l.help}
          </li>
        ))}
      </ul>
      <h4>Outcomes</h4>
      <ul>{info.metrics.map((m) => <li key={m.key}>{m.label}{m.unit ? ` (${m.unit})` : ''}: {m.help}</li>)}</ul>
      <p>
        This run: seed {current.seed}; {info.levers.map((l) => `${l.label.toLowerCase()} ${formatLever(l, current.params[l.key] ?? l.default)}`).join(', ')}.
        The model is pure arithmetic on a seeded random number generator, so the same seed and levers give exactly the same numbers on any device.
      </p>
    </details>
  );
}
