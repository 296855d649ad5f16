import { useId } from 'react';
import type { SpaceLayout } from '../../../shared/spaces/layout.js';
import { eventStatus, floorLeft, formatCountdown } from '../../hallText.js';
import { useHall } from '../../state/hall.js';
import { useUi } from '../../state/ui.js';
import { useNow } from '../../state/useNow.js';
import { AskForm } from '../townhall/AskForm.js';
import { HallControls } from '../townhall/HallControls.js';
import { ModerationPanel } from '../townhall/ModerationPanel.js';
import { MyQuestions } from '../townhall/MyQuestions.js';
import { QuestionList } from '../townhall/QuestionList.js';
import { SeatPicker } from './SeatPicker.js';
import { sectionLine } from '../../net/sections.js';

/**
 * The town hall as text: the stage (the event, its state, who has the floor and for how
 * long), one's own part (seats, hand, reactions), and the whole Q&A: the questions with
 * upvotes, asking one, one's own waiting questions; moderators also get their panel.
 */
export function HallText({ layout }: { layout: SpaceLayout }) {
  const event = useHall((s) => s.event);
  const floor = useHall((s) => s.floor);
  const present = useHall((s) => s.present);
  const sections = useHall((s) => sectionLine(s.section, s.sections, s.attending));
  const selfId = useUi((s) => s.selfId);
  const now = useNow(1000, event.state === 'scheduled' || floor.holder !== '');
  const stageId = useId();
  const partId = useId();
  const qaId = useId();
  return (
    <>
      <section id="a11y-stage" className="a11y-section" aria-labelledby={stageId}>
        <h2 id={stageId}>Stage</h2>
        {event.state === 'none' ? (
          <p>No event is scheduled here.</p>
        ) : (
          <>
            <p><strong>{event.title}</strong> · {eventStatus(event, now)} · {present} in the audience{sections && ` · ${sections}`}</p>
            {event.description && <p className="plain">{event.description}</p>}
          </>
        )}
        <p>
          {floor.holder
            ? `${floor.holder === selfId ? 'You have' : `${floor.name} has`} the floor microphone, ${formatCountdown(floorLeft(floor, now))} left.`
            : 'Nobody has the floor microphone.'}
        </p>
      </section>
      <section id="a11y-part" className="a11y-section" aria-labelledby={partId}>
        <h2 id={partId}>Your part</h2>
        <HallControls />
        <SeatPicker layout={layout} />
      </section>
      <section id="a11y-qa" className="a11y-section" aria-labelledby={qaId}>
        <h2 id={qaId}>Questions and answers</h2>
        <QuestionList />
        <h3>Ask a question</h3>
        <AskForm />
        <h3>Your questions</h3>
        <MyQuestions />
      </section>
      <ModerationPanel />
    </>
  );
}
