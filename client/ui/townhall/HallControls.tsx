import { raiseHand, releaseFloor, stand } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';
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
  const holdsFloor = useHall((s) => s.floor.holder !== '' && s.floor.holder === self?.id);
  const people = useUi((s) => s.people);
  if (!self) return null;
  const handUp = self.hand > 0;
  const place = handUp ? handsInOrder(people).findIndex((p) => p.id === self.id) + 1 : 0;
  return (
    <section className="panel hall-controls" aria-label="Town hall controls">
      {holdsFloor ? (
        <button type="button" className="warn" onClick={releaseFloor}>Give back the mic</button>
      ) : (
        <>
          {self.seat >= 0 && (
            <button type="button" className="secondary" onClick={stand}>Stand up</button>
          )}
          <button type="button" className={handUp ? 'secondary' : undefined} aria-pressed={handUp} onClick={() => raiseHand(!handUp)}>
            {handUp ? 'Lower hand' : 'Raise hand'}
          </button>
          {handUp && place > 0 && <span className="muted hand-place">{ordinal(place)} in line</span>}
        </>
      )}
      <ReactionButtons />
    </section>
  );
}
