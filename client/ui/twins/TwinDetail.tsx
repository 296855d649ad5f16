import type { Exhibit } from '../../../shared/exhibits/exhibit.js';
import { useTwin } from '../../sim/useTwin.js';
import { useExhibits } from '../../state/exhibits.js';
import { useTwins } from '../../state/twins.js';
import { SimChartFigure } from './SimChartFigure.js';
import { TwinHowItWorks } from './TwinHowItWorks.js';
import { TwinLevers } from './TwinLevers.js';
import { TwinReadout } from './TwinReadout.js';
import { TwinReality } from './TwinReality.js';
import { TwinShare } from './TwinShare.js';

/** A digital twin in the detail view: levers, every outcome, the charts, reality, how it works. */
export function TwinDetail({ exhibit }: { exhibit: Exhibit }) {
  const twin = useTwin(exhibit);
  const spaceId = useExhibits((s) => s.spaceId);
  const draft = useExhibits((s) => s.shownDraft);
  const linkProblem = useTwins((s) => s.linkProblem[exhibit.id]);
  if (!twin) return <p className="muted">This simulation model is not available on this server.</p>;
  const shown = twin.mineRun?.status === 'done' ? twin.mineRun : twin.officialRun;
  const charts = shown?.status === 'done' ? shown.result.charts : [];
  return (
    <div className="twin-detail">
      {exhibit.alt && <p className="plain">{exhibit.alt}</p>}
      <p className="twin-question">{twin.model.info.question}</p>
      {linkProblem && <p className="form-error" role="alert">{linkProblem}</p>}
      <div className="twin-columns">
        <TwinLevers exhibitId={exhibit.id} twin={twin} />
        <TwinReadout twin={twin} />
      </div>
      {charts.map((c) => <SimChartFigure key={c.title} chart={c} />)}
      <TwinReality twin={twin} />
      <TwinHowItWorks twin={twin} />
      {!draft && spaceId && <TwinShare spaceId={spaceId} exhibitId={exhibit.id} twin={twin} />}
    </div>
  );
}
