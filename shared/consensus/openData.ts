import { CsvError, csvTable, parseCsv, undefuse } from '../csv.js';
import type { VoteValue } from './votes.js';

/**
 * A conversation in the Pol.is open-data layout (comments.csv, votes.csv,
 * participants-votes.csv), so other tools can re-analyse it and a conversation held elsewhere
 * can be shown here. Statements and participants are numbered from 0; votes are 1 agree,
 * -1 disagree, 0 pass; moderated is 1 accepted, 0 waiting, -1 rejected. Timestamps are Unix
 * seconds; datetime is ISO-8601 (UTC).
 */
export interface OpenStatement {
  id: number;
  authorId: number;
  /** Unix milliseconds. */
  createdAt: number;
  moderated: -1 | 0 | 1;
  text: string;
}

export interface OpenVote {
  statement: number;
  voter: number;
  vote: VoteValue;
  /** Unix milliseconds. */
  at: number;
}

export interface OpenConversation {
  statements: OpenStatement[];
  votes: OpenVote[];
}

export const COMMENTS_HEADER = ['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body'] as const;
export const VOTES_HEADER = ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'] as const;
export const PARTICIPANTS_HEADER = ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree'] as const;

const seconds = (ms: number) => Math.floor(ms / 1000);
const iso = (ms: number) => new Date(ms).toISOString();

export function commentsCsv(c: OpenConversation): string {
  const agrees = new Map<number, number>();
  const disagrees = new Map<number, number>();
  for (const v of c.votes) {
    if (v.vote === 1) agrees.set(v.statement, (agrees.get(v.statement) ?? 0) + 1);
    if (v.vote === -1) disagrees.set(v.statement, (disagrees.get(v.statement) ?? 0) + 1);
  }
  const rows = [...c.statements].sort((a, b) => a.id - b.id).map((s) => [
    seconds(s.createdAt), iso(s.createdAt), s.id, s.authorId, agrees.get(s.id) ?? 0, disagrees.get(s.id) ?? 0, s.moderated, s.text,
  ]);
  return csvTable(COMMENTS_HEADER, rows);
}

export function votesCsv(c: OpenConversation): string {
  const rows = [...c.votes]
    .sort((a, b) => a.at - b.at || a.voter - b.voter || a.statement - b.statement)
    .map((v) => [seconds(v.at), iso(v.at), v.statement, v.voter, v.vote]);
  return csvTable(VOTES_HEADER, rows);
}

/**
 * One row per participant (anyone who voted or wrote a statement), one column per statement
 * holding 1, -1, 0 or blank; group-id is the opinion group (blank when not clustered).
 */
export function participantsVotesCsv(c: OpenConversation, groupOf: (participant: number) => number | null = () => null): string {
  const statements = [...c.statements].sort((a, b) => a.id - b.id).map((s) => s.id);
  const column = new Map(statements.map((id, i) => [id, i]));
  const people = new Map<number, { comments: number; cells: (VoteValue | null)[] }>();
  const person = (id: number) => {
    let p = people.get(id);
    if (!p) {
      p = { comments: 0, cells: statements.map(() => null) };
      people.set(id, p);
    }
    return p;
  };
  for (const s of c.statements) person(s.authorId).comments += 1;
  for (const v of c.votes) {
    const at = column.get(v.statement);
    if (at !== undefined) person(v.voter).cells[at] = v.vote;
  }
  const rows = [...people].sort((a, b) => a[0] - b[0]).map(([id, p]) => {
    const cast = p.cells.filter((v) => v !== null);
    return [id, groupOf(id), p.comments, cast.length, cast.filter((v) => v === 1).length, cast.filter((v) => v === -1).length, ...p.cells];
  });
  return csvTable([...PARTICIPANTS_HEADER, ...statements.map(String)], rows);
}

export class OpenDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenDataError';
  }
}

function table(text: string, file: string, needed: readonly string[]): { rows: string[][]; at: (name: string) => number } {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (err) {
    throw new OpenDataError(`${file}: ${err instanceof CsvError ? err.message : 'it is not CSV.'}`);
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  for (const name of needed) {
    if (!header.includes(name)) throw new OpenDataError(`${file} needs a "${name}" column (its first line names the columns).`);
  }
  return { rows: rows.slice(1), at: (name) => header.indexOf(name) };
}

function integer(value: string | undefined, file: string, line: number, what: string, min = 0): number {
  const text = (value ?? '').trim();
  if (!/^-?\d{1,15}$/.test(text) || Number(text) < min) throw new OpenDataError(`${file}, line ${line}: ${what} must be a whole number${min === 0 ? ' (0 or more)' : ''}, not "${text}".`);
  return Number(text);
}

function voteValue(value: string | undefined, file: string, line: number): VoteValue {
  const text = (value ?? '').trim();
  if (text === '1' || text === '-1' || text === '0') return Number(text) as VoteValue;
  throw new OpenDataError(`${file}, line ${line}: a vote is 1, -1 or 0, not "${text}".`);
}

/**
 * When something happened, in milliseconds: from the ISO-8601 datetime when the row has one
 * (it keeps the milliseconds), otherwise from the timestamp in Unix seconds (or milliseconds,
 * for numbers that large).
 */
function time(timestamp: string | undefined, datetime: string | undefined, file: string, line: number): number {
  if (datetime !== undefined && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(datetime.trim())) {
    const ms = Date.parse(datetime.trim());
    if (Number.isFinite(ms)) return ms;
  }
  const n = integer(timestamp, file, line, 'the timestamp');
  return n > 1e11 ? n : n * 1000;
}

/**
 * Reads the layout: comments.csv, and votes.csv or (without it) participants-votes.csv. Votes on
 * a statement comments.csv does not list are refused; a repeated vote keeps the latest.
 */
export function parseOpenData(files: { comments: string; votes?: string; participantsVotes?: string }): OpenConversation {
  const comments = table(files.comments, 'comments.csv', ['timestamp', 'comment-id', 'author-id', 'moderated', 'comment-body']);
  const statements: OpenStatement[] = [];
  const ids = new Set<number>();
  comments.rows.forEach((row, i) => {
    const line = i + 2;
    const id = integer(row[comments.at('comment-id')], 'comments.csv', line, 'comment-id');
    if (ids.has(id)) throw new OpenDataError(`comments.csv, line ${line}: comment ${id} appears twice.`);
    ids.add(id);
    const moderated = integer(row[comments.at('moderated')], 'comments.csv', line, 'moderated', -1);
    if (moderated > 1) throw new OpenDataError(`comments.csv, line ${line}: moderated is 1, 0 or -1.`);
    statements.push({
      id,
      authorId: integer(row[comments.at('author-id')], 'comments.csv', line, 'author-id'),
      createdAt: time(row[comments.at('timestamp')], row[comments.at('datetime')], 'comments.csv', line),
      moderated: moderated as -1 | 0 | 1,
      text: undefuse(row[comments.at('comment-body')] ?? ''),
    });
  });
  const latest = new Map<string, OpenVote>();
  const keep = (v: OpenVote, file: string, line: number) => {
    if (!ids.has(v.statement)) throw new OpenDataError(`${file}, line ${line}: there is no comment ${v.statement} in comments.csv.`);
    const key = `${v.voter}:${v.statement}`;
    const before = latest.get(key);
    if (!before || before.at <= v.at) latest.set(key, v);
  };
  if (files.votes !== undefined) {
    const votes = table(files.votes, 'votes.csv', ['timestamp', 'comment-id', 'voter-id', 'vote']);
    votes.rows.forEach((row, i) => keep({
      statement: integer(row[votes.at('comment-id')], 'votes.csv', i + 2, 'comment-id'),
      voter: integer(row[votes.at('voter-id')], 'votes.csv', i + 2, 'voter-id'),
      vote: voteValue(row[votes.at('vote')], 'votes.csv', i + 2),
      at: time(row[votes.at('timestamp')], row[votes.at('datetime')], 'votes.csv', i + 2),
    }, 'votes.csv', i + 2));
  } else if (files.participantsVotes !== undefined) {
    const pv = table(files.participantsVotes, 'participants-votes.csv', ['participant']);
    const header = parseCsv(files.participantsVotes)[0]!.map((h) => h.trim());
    const columns = header.flatMap((h, at) => (/^\d+$/.test(h) ? [{ at, statement: Number(h) }] : []));
    pv.rows.forEach((row, i) => {
      const voter = integer(row[pv.at('participant')], 'participants-votes.csv', i + 2, 'participant');
      for (const { at, statement } of columns) {
        const cell = (row[at] ?? '').trim();
        if (cell === '') continue;
        keep({ statement, voter, vote: voteValue(cell, 'participants-votes.csv', i + 2), at: 0 }, 'participants-votes.csv', i + 2);
      }
    });
  }
  const votes = [...latest.values()].sort((a, b) => a.at - b.at || a.voter - b.voter || a.statement - b.statement);
  return { statements: statements.sort((a, b) => a.id - b.id), votes };
}
