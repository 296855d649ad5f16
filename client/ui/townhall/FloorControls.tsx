import { floorLeft, formatCountdown } from '../../hallText.js';
import { endFloorTurn, extendFloorTurn } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';
import { useNow } from '../../state/useNow.js';

/** While someone holds the floor mic: who, how long is left, and ending or adjusting the turn. */
export function FloorControls() {
  const floor = useHall((s) => s.floor);
  const now = useNow(1000, floor.holder !== '');
  if (!floor.holder) return null;
  return (
    <div className="mod-section floor" role="group" aria-label="Floor microphone">
      <h3>Floor</h3>
      <p>
        <strong>{floor.name}</strong> <span className="muted">· {formatCountdown(floorLeft(floor, now))} left</span>
      </p>
      <div className="button-row">
        <button type="button" className="small" onClick={endFloorTurn}>End turn</button>
        <button type="button" className="small secondary" aria-label="Add 30 seconds" onClick={() => extendFloorTurn(30)}>+30 s</button>
        <button type="button" className="small secondary" aria-label="Take 30 seconds away" onClick={() => extendFloorTurn(-30)}>−30 s</button>
      </div>
    </div>
  );
}
