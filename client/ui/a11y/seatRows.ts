import type { Seat } from '../../../shared/spaces/layout.js';

/** One row of seats, front row first; seats from left to right as seen sitting in them. */
export interface SeatRow {
  /** 1 for the front row. */
  number: number;
  /** Indices into layout.seats, left to right. */
  seats: number[];
}

/** Seats this close (metres, along the way they face) are one row. */
const ROW_TOLERANCE = 0.3;

/**
 * The rows of a space's seats, from the layout alone: seats are grouped by how far forward
 * they stand (along the way the first seat faces), rows ordered front to back and seats left
 * to right, so a visitor can pick "row 3, seat 7" without seeing the hall.
 */
export function seatRows(seats: readonly Seat[]): SeatRow[] {
  const first = seats[0];
  if (!first) return [];
  // Forward is (-sin yaw, -cos yaw); right is a quarter turn clockwise from it.
  const fx = -Math.sin(first.yaw);
  const fz = -Math.cos(first.yaw);
  const rx = -fz;
  const rz = fx;
  const ahead = seats.map((s, i) => ({ i, forward: s.x * fx + s.z * fz, right: s.x * rx + s.z * rz }));
  ahead.sort((a, b) => b.forward - a.forward);
  const rows: { forward: number; members: typeof ahead }[] = [];
  for (const s of ahead) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.forward - s.forward) <= ROW_TOLERANCE) row.members.push(s);
    else rows.push({ forward: s.forward, members: [s] });
  }
  return rows.map((r, k) => ({ number: k + 1, seats: [...r.members].sort((a, b) => a.right - b.right).map((m) => m.i) }));
}

/** "row 3, seat 7" for a seat index, or '' when the seat is not in any row. */
export function seatName(rows: readonly SeatRow[], seat: number): string {
  for (const row of rows) {
    const at = row.seats.indexOf(seat);
    if (at >= 0) return `row ${row.number}, seat ${at + 1}`;
  }
  return '';
}
