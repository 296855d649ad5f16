import type { VoteTable } from './votes.js';

/** The value of a cell nobody filled: the participant has not voted on the statement. */
export const MISSING = 127;

/**
 * The participants x statements vote matrix: rows are participants (ascending ids), columns the
 * statements being analysed (in the order given). Cells hold 1, -1, 0 or MISSING.
 */
export interface VoteMatrix {
  participants: number[];
  statements: number[];
  rows: number;
  cols: number;
  cells: Int8Array;
  /** Votes cast per row (pass included). */
  counts: Int32Array;
}

/**
 * Builds the matrix. Votes on statements not listed (pending, rejected) are left out; a
 * participant with no vote on a listed statement has no row. A repeated (participant,
 * statement) pair keeps the last vote.
 */
export function buildMatrix(votes: VoteTable, statements: readonly number[]): VoteMatrix {
  const column = new Map<number, number>();
  statements.forEach((s, c) => column.set(s, c));
  const ids = new Set<number>();
  for (let i = 0; i < votes.statement.length; i++) {
    if (column.has(votes.statement[i]!)) ids.add(votes.participant[i]!);
  }
  const participants = [...ids].sort((a, b) => a - b);
  const row = new Map<number, number>();
  participants.forEach((p, r) => row.set(p, r));
  const rows = participants.length;
  const cols = statements.length;
  const cells = new Int8Array(rows * cols).fill(MISSING);
  const counts = new Int32Array(rows);
  for (let i = 0; i < votes.statement.length; i++) {
    const c = column.get(votes.statement[i]!);
    if (c === undefined) continue;
    const r = row.get(votes.participant[i]!)!;
    const at = r * cols + c;
    if (cells[at] === MISSING) counts[r]! += 1;
    cells[at] = votes.vote[i]!;
  }
  return { participants, statements: [...statements], rows, cols, cells, counts };
}
