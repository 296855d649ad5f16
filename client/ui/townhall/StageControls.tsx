import { ClientMessage } from '../../../shared/protocol/messages.js';
import { goToStage } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';
import { useUi } from '../../state/ui.js';
import { useAllows } from './useAllows.js';

/**
 * For those who may run the event: one button to the stage (the server places them behind the
 * lectern facing the audience), then a plain statement of whether the hall hears them.
 */
export function StageControls() {
  const allowed = useAllows('event.run');
  const selfId = useUi((s) => s.selfId);
  const onStage = useHall((s) => s.speakers.includes(selfId) && s.floor.holder !== selfId);
  const eventState = useHall((s) => s.event.state);
  const refusal = useHall((s) => {
    const r = s.results[ClientMessage.GoToStage];
    return r && !r.ok ? r.text : null;
  });
  if (!allowed) return null;
  if (onStage) {
    const live = eventState === 'live';
    return (
      <section className={live ? 'panel on-stage live' : 'panel on-stage'} aria-label="On stage">
        <p className="on-stage-state" role="status">
          {live ? <><span className="live-dot" aria-hidden="true" /> You are live</> : 'You are on the stage'}
        </p>
        <p className="muted">
          {live ? 'Everyone in the hall hears you. The monitor in front of you shows the question, the time and the hands.' : 'The hall hears you already; the event has not started.'}
        </p>
      </section>
    );
  }
  return (
    <section className="panel on-stage" aria-label="Stage">
      <button type="button" className="go-to-stage" onClick={goToStage}>Go to the stage</button>
      {refusal && <p className="form-error" role="alert">{refusal}</p>}
    </section>
  );
}
