import { useId, useMemo, useState, type FormEvent } from 'react';
import type { SpaceLayout } from '../../../shared/spaces/layout.js';
import { sit, stand } from '../../net/townhall.js';
import { useUi } from '../../state/ui.js';
import { useSelf } from '../townhall/useSelf.js';
import { seatName, seatRows } from './seatRows.js';

/**
 * Sitting down without pointing at a chair: choose a row and one of its free seats, then
 * "Sit here" (the server decides, as for a click on the chair). Seated, says where, and stands up.
 */
export function SeatPicker({ layout }: { layout: SpaceLayout }) {
  const rows = useMemo(() => seatRows(layout.seats), [layout.seats]);
  const people = useUi((s) => s.people);
  const self = useSelf();
  const [rowNumber, setRowNumber] = useState(1);
  const [chosen, setChosen] = useState(-1);
  const rowId = useId();
  const seatId = useId();
  const headingId = useId();
  const taken = new Set(people.filter((p) => p.seat >= 0).map((p) => p.seat));
  const row = rows.find((r) => r.number === rowNumber) ?? rows[0];
  const free = row ? row.seats.filter((s) => !taken.has(s)) : [];
  const seat = free.includes(chosen) ? chosen : (free[0] ?? -1);
  if (rows.length === 0) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (seat >= 0) sit(seat);
  };

  return (
    <section className="a11y-seats" aria-labelledby={headingId}>
      <h3 id={headingId}>Seats</h3>
      <p>
        {layout.seats.length - taken.size} of {layout.seats.length} seats are free, in {rows.length} rows facing the stage.
        {self && self.seat >= 0 && <> You are sitting in {seatName(rows, self.seat)}.</>}
      </p>
      {self && self.seat >= 0 && (
        <p><button type="button" className="secondary" onClick={stand}>Stand up</button></p>
      )}
      <form className="seat-form" onSubmit={submit} aria-label="Choose a seat">
        <label htmlFor={rowId}>Row</label>
        <select id={rowId} value={row?.number ?? 1} onChange={(e) => { setRowNumber(Number(e.target.value)); setChosen(-1); }}>
          {rows.map((r) => {
            const n = r.seats.filter((s) => !taken.has(s)).length;
            return <option key={r.number} value={r.number}>Row {r.number}{r.number === 1 ? ' (front)' : ''}: {n} free</option>;
          })}
        </select>
        <label htmlFor={seatId}>Seat</label>
        <select id={seatId} value={seat} onChange={(e) => setChosen(Number(e.target.value))} disabled={free.length === 0}>
          {free.length === 0 && <option value={-1}>No free seat in this row</option>}
          {free.map((s) => <option key={s} value={s}>Seat {(row?.seats.indexOf(s) ?? 0) + 1}</option>)}
        </select>
        <button type="submit" disabled={seat < 0}>Sit here</button>
      </form>
    </section>
  );
}
