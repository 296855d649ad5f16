import { answeringQuestion, useHall, type EventPhase } from '../../state/hall.js';
import { useUi } from '../../state/ui.js';

const EVENT_NEWS: Record<EventPhase, string> = {
  none: '',
  scheduled: 'The event has not started yet.',
  live: 'The event is live.',
  ended: 'The event has ended.',
};

/**
 * The town hall's news for screen readers, as live regions that change only when the news
 * does (never with a countdown): the question now being answered, who has the floor ("You
 * have the floor", assertively), and the event starting or ending. Shown as text at the top of
 * the accessible view; visually hidden over the 3D view, where the HUD shows the same.
 */
export function HallAnnouncer({ shown }: { shown: boolean }) {
  const answering = useHall((s) => answeringQuestion(s)?.text ?? '');
  const holder = useHall((s) => s.floor.holder);
  const holderName = useHall((s) => s.floor.name);
  const eventState = useHall((s) => s.event.state);
  const selfId = useUi((s) => s.selfId);
  const mine = holder !== '' && holder === selfId;
  const floor = mine
    ? 'You have the floor. Your microphone is live: speak now, and give back the mic when you are done.'
    : holder ? `${holderName} has the floor.` : '';
  return (
    <div className={shown ? 'a11y-news' : 'visually-hidden'}>
      <p id="answering-announcement" className="a11y-answering" aria-live="polite" aria-atomic="true">
        {answering ? <><strong>Now being answered:</strong> {answering}</> : 'No question is being answered right now.'}
      </p>
      <p id="floor-announcement" className={mine ? 'a11y-floor mine' : 'a11y-floor'} aria-live="assertive" aria-atomic="true">
        {floor}
      </p>
      <p id="event-announcement" className="a11y-event" aria-live="polite" aria-atomic="true">
        {EVENT_NEWS[eventState]}
      </p>
    </div>
  );
}
