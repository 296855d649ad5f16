import { useState } from 'react';
import { scenarioToText } from '../../../shared/sim/scenarioLink.js';
import { pathForExhibit } from '../../route.js';
import type { TwinView } from '../../sim/useTwin.js';

/** A link that opens this twin with exactly this scenario (levers, seed and model version). */
export function twinScenarioLink(spaceId: string, exhibitId: string, twin: TwinView): string {
  const text = scenarioToText(twin.model.info, twin.mine ?? twin.official);
  return `${location.origin}${pathForExhibit(spaceId, exhibitId)}?scenario=${encodeURIComponent(text)}`;
}

export function TwinShare({ spaceId, exhibitId, twin }: { spaceId: string; exhibitId: string; twin: TwinView }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const link = twinScenarioLink(spaceId, exhibitId, twin);
  const copy = () => {
    if (!navigator.clipboard) {
      setState('manual');
      return;
    }
    navigator.clipboard.writeText(link).then(() => setState('copied'), () => setState('manual'));
  };
  return (
    <div className="exhibit-share twin-share">
      <button type="button" className="secondary" onClick={copy}>{twin.mine ? 'Share your scenario' : 'Share this scenario'}</button>
      <span role="status" className="ok">{state === 'copied' ? 'Link copied.' : ''}</span>
      {state === 'manual' && <input readOnly value={link} aria-label="Link to this scenario" onFocus={(e) => e.currentTarget.select()} autoFocus />}
    </div>
  );
}
