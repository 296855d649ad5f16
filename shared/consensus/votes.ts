/**
 * The votes of a conversation as the analysis reads them: three parallel typed arrays (who,
 * on which statement, how), so a whole conversation crosses into a worker thread without being
 * copied object by object. 1 agrees, -1 disagrees, 0 passes; a statement not voted on is absent.
 */
export type VoteValue = -1 | 0 | 1;

export interface VoteTable {
  participant: Int32Array;
  statement: Int32Array;
  vote: Int8Array;
}

export interface VoteRecord {
  participant: number;
  statement: number;
  vote: VoteValue;
}

export function voteTable(records: readonly VoteRecord[]): VoteTable {
  const table: VoteTable = {
    participant: new Int32Array(records.length),
    statement: new Int32Array(records.length),
    vote: new Int8Array(records.length),
  };
  records.forEach((r, i) => {
    table.participant[i] = r.participant;
    table.statement[i] = r.statement;
    table.vote[i] = r.vote;
  });
  return table;
}

/** The votes of a small matrix written by hand: rows are participants 0.., columns statements 0..; null is not voted. */
export function voteTableFromRows(rows: readonly (readonly (VoteValue | null)[])[]): VoteTable {
  const records: VoteRecord[] = [];
  rows.forEach((row, participant) => row.forEach((vote, statement) => {
    if (vote !== null) records.push({ participant, statement, vote });
  }));
  return voteTable(records);
}
