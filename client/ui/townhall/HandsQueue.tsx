import { useId, useState } from 'react';
import { FLOOR_SECONDS_DEFAULT } from '../../../shared/protocol/townhall.js';
import { callToFloor } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';
import { useUi } from '../../state/ui.js';
import { handLabel, handsInOrder } from './handOrder.js';

const LENGTHS = [30, 60, 90, 120, 180, 300];

function lengthLabel(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${seconds / 60} minutes`;
}

/** Raised hands in the order they went up, each with a call to the floor mic. */
export function HandsQueue() {
  const people = useUi((s) => s.people);
  const floorTaken = useHall((s) => s.floor.holder !== '');
  const [seconds, setSeconds] = useState(FLOOR_SECONDS_DEFAULT);
  const selectId = useId();
  const elsewhere = useHall((s) => s.handsElsewhere);
  const hands = handsInOrder(people, elsewhere);
  return (
    <div className="mod-section" role="group" aria-label="Raised hands">
      <h3>Hands <span className="count">{hands.length}</span></h3>
      {hands.length === 0 ? (
        <p className="muted">No hands raised.</p>
      ) : (
        <>
          <div className="inline-field">
            <label htmlFor={selectId}>Turn length</label>
            <select id={selectId} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))}>
              {LENGTHS.map((s) => (
                <option key={s} value={s}>{lengthLabel(s)}</option>
              ))}
            </select>
          </div>
          <ol aria-label="Raised hands, in order">
            {hands.map((p) => (
              <li key={p.id}>
                <span className="person-name">{handLabel(p)}</span>
                <button
                  type="button"
                  className="small"
                  disabled={floorTaken}
                  title={floorTaken ? 'Someone has the floor; end their turn first.' : undefined}
                  aria-label={`Call ${p.name} to the floor`}
                  onClick={() => callToFloor({ sessionId: p.id, seconds })}
                >
                  Call to the floor
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
