import { scenarioToText } from '../../../shared/sim/scenarioLink.js';
import { pathForExhibit } from '../../route.js';
import type { TwinView } from '../../sim/useTwin.js';
import { CopyLink } from '../CopyLink.js';

/** A link that opens this twin with exactly this scenario (levers, seed and model version). */
export function twinScenarioLink(spaceId: string, exhibitId: string, twin: TwinView): string {
  const text = scenarioToText(twin.model.info, twin.mine ?? twin.official);
  return `${location.origin}${pathForExhibit(spaceId, exhibitId)}?scenario=${encodeURIComponent(text)}`;
}

export function TwinShare({ spaceId, exhibitId, twin }: { spaceId: string; exhibitId: string; twin: TwinView }) {
  return (
    <CopyLink
      className="twin-share"
      link={twinScenarioLink(spaceId, exhibitId, twin)}
      label={twin.mine ? 'Share your scenario' : 'Share this scenario'}
      fieldLabel="Link to this scenario"
    />
  );
}
