import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { floorLeft, formatCountdown } from '../../hallText.js';
import { callToFloor, endFloorTurn, extendFloorTurn } from '../../net/townhall.js';
import { useConsole } from '../../net/console.js';
import { useHall } from '../../state/hall.js';
import { useNow } from '../../state/useNow.js';
import { handLabel, handsInOrder } from '../townhall/handOrder.js';

const LENGTHS = [30, 60, 90, 120, 180, 300];

function lengthLabel(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${seconds / 60} minutes`;
}

/**
 * The floor microphone and the hands: who holds the floor and for how long (end the turn, add
 * or take 30 seconds), and the raised hands in the order they went up, each with a call.
 */
export function ConsoleFloor({ seconds, onSeconds }: { seconds: number; onSeconds: (s: number) => void }) {
  const floor = useHall((s) => s.floor);
  const live = useHall((s) => s.event.state === 'live');
  const people = useConsole((s) => s.people);
  const now = useNow(1000, floor.holder !== '');
  const elsewhere = useHall((s) => s.handsElsewhere);
  const floorSection = useHall((s) => s.floorSection);
  const hands = handsInOrder(people, elsewhere);
  return (
    <section className="console-floor" aria-labelledby="console-floor-title">
      <h2 id="console-floor-title">Floor microphone</h2>
      {floor.holder ? (
        <div className="console-turn" role="group" aria-label="The turn at the floor mic">
          <p>
            <strong>{floor.name}</strong> has the floor{floorSection > 0 && ` in section ${floorSection}`} · <span className="countdown">{formatCountdown(floorLeft(floor, now))}</span> left
          </p>
          <div className="button-row">
            <Button className="button small" onPress={endFloorTurn}>End turn <kbd>E</kbd></Button>
            <Button className="button small secondary" aria-label="Add 30 seconds" onPress={() => extendFloorTurn(30)}>+30 s</Button>
            <Button className="button small secondary" aria-label="Take 30 seconds away" onPress={() => extendFloorTurn(-30)}>−30 s</Button>
          </div>
        </div>
      ) : (
        <p className="muted">{live ? 'Nobody has the floor.' : 'The floor opens while the event is live.'}</p>
      )}
      <h3>Hands <span className="count">{hands.length}</span></h3>
      <Select className="console-select" selectedKey={seconds} onSelectionChange={(key) => onSeconds(Number(key))}>
        <Label>Turn length</Label>
        <Button className="button small secondary select-button"><SelectValue /> ▾</Button>
        <Popover className="console-popover">
          <ListBox className="console-menu">
            {LENGTHS.map((s) => <ListBoxItem key={s} id={s} className="console-menu-item">{lengthLabel(s)}</ListBoxItem>)}
          </ListBox>
        </Popover>
      </Select>
      {hands.length === 0 ? (
        <p className="muted">No hands raised.</p>
      ) : (
        <ol className="console-hands" aria-label="Raised hands, in order">
          {hands.map((p, i) => (
            <li key={p.id}>
              <span className="person-name">{handLabel(p)}</span>
              <Button
                className="button small"
                isDisabled={floor.holder !== '' || !live}
                aria-label={`Call ${p.name} to the floor`}
                onPress={() => callToFloor({ sessionId: p.id, seconds })}
              >
                Call{i === 0 && <kbd>C</kbd>}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
