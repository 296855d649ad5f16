import { useLayoutEffect, useRef } from 'react';
import { raiseHand, releaseFloor, stand } from '../../net/townhall.js';
import { useHall, useHoldsFloor } from '../../state/hall.js';
import { useUi } from '../../state/ui.js';
import { handsInOrder, ordinal } from './handOrder.js';
import { ReactionButtons } from './ReactionButtons.js';
import { useSelf } from './useSelf.js';

/**
 * What a person in the audience does with their hands: stand up, raise a hand to speak, react;
 * and, while holding the floor mic, give it back.
 */
export function HallControls() {
  const self = useSelf();
  const holdsFloor = useHoldsFloor();
  const people = useUi((s) => s.people);
  const elsewhere = useHall((s) => s.handsElsewhere);
  // Hands close when the event ends (the server refuses them too).
  const ended = useHall((s) => s.event.state === 'ended');
  // Someone speaking from the stage has no hand to raise: the hall hears them already.
  const selfId = useUi((s) => s.selfId);
  const onStage = useHall((s) => s.speakers.includes(selfId) && s.floor.holder !== selfId);
  const hand = useRef<HTMLButtonElement>(null);
  // The turn ends (given back, or its time is up) while "Give back the mic" has the keyboard:
  // the button goes, so the focus goes to the hand button in its place, not to the page.
  const giveBackFocused = useRef(false);
  useLayoutEffect(() => {
    if (holdsFloor || !giveBackFocused.current) return;
    giveBackFocused.current = false;
    hand.current?.focus();
  }, [holdsFloor]);
  if (!self) return null;
  const handUp = self.hand > 0;
  const place = handUp ? handsInOrder(people, elsewhere).findIndex((p) => p.id === self.id) + 1 : 0;
  return (
    <section className="panel hall-controls" aria-label="Town hall controls">
      {holdsFloor ? (
        <button
          type="button"
          className="warn"
          onClick={releaseFloor}
          onFocus={() => { giveBackFocused.current = true; }}
          // Only a move elsewhere counts; a button taken out of the page has nowhere it went.
          onBlur={(e) => { if (e.relatedTarget) giveBackFocused.current = false; }}
        >
          Give back the mic
        </button>
      ) : (
        <>
          {self.seat >= 0 && (
            <button type="button" className="secondary" onClick={stand}>Stand up</button>
          )}
          {!ended && (!onStage || handUp) && (
            <button ref={hand} type="button" className={handUp ? 'secondary' : undefined} aria-pressed={handUp} onClick={() => raiseHand(!handUp)}>
              {handUp ? 'Lower hand' : 'Raise hand'}
            </button>
          )}
          {handUp && place > 0 && <span className="muted hand-place">{ordinal(place)} in line</span>}
        </>
      )}
      <ReactionButtons />
    </section>
  );
}
