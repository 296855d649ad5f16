import { CsvError, parseCsv, undefuse } from '../csv.js';
import type { OpenConversation, OpenStatement, OpenVote } from './openData.js';
import type { VoteValue } from './votes.js';

/**
 * Reading a conversation in the Pol.is open-data layout (comments.csv, and votes.csv or
 * participants-votes.csv). Every row that cannot be read is reported, not just the first: each
 * problem names its file and line, carries a stable code and says what is wrong in a sentence,
 * so a party can fix its export and try again. A row with a problem is skipped and reading goes
 * on, up to OPEN_DATA_LIMITS.problems problems.
 */

export type OpenDataProblemCode =
  /** The file is not CSV (an unclosed quote). */
  | 'NOT_CSV'
  /** The first line does not name a column the file needs. */
  | 'MISSING_COLUMN'
  /** A number (an id, a timestamp, moderated) is not a whole number in range. */
  | 'NOT_A_NUMBER'
  /** A vote is not 1, -1 or 0. */
  | 'BAD_VOTE'
  /** The same comment id twice in comments.csv. */
  | 'DUPLICATE_COMMENT'
  /** A vote on a comment comments.csv does not list. */
  | 'UNKNOWN_COMMENT'
  /** A comment with no text, or longer than OPEN_DATA_LIMITS.textLength. */
  | 'BAD_TEXT'
  /** More statements or votes than an import takes. */
  | 'TOO_MANY';

export interface OpenDataProblem {
  file: 'comments.csv' | 'votes.csv' | 'participants-votes.csv';
  /** The line in the file (1 is the header); 0 for the file as a whole. */
  line: number;
  code: OpenDataProblemCode;
  /** A sentence naming the file and line. */
  message: string;
}

export const OPEN_DATA_LIMITS = {
  statements: 5000,
  votes: 2_000_000,
  /** Comment ids and participant ids above these are refused (they number rows here). */
  commentId: 1_000_000,
  participantId: 10_000_000,
  textLength: 1000,
  /** Reading stops after this many problems. */
  problems: 50,
} as const;

export class OpenDataError extends Error {
  constructor(readonly problems: OpenDataProblem[], readonly stoppedEarly: boolean) {
    const first = problems[0]?.message ?? 'The files could not be read.';
    super(problems.length === 1 ? first : `${stoppedEarly ? `At least ${problems.length}` : problems.length} problems in the files; the first: ${first}`);
    this.name = 'OpenDataError';
  }
}

type File = OpenDataProblem['file'];

/** Collects problems; stops reading (throws) once there are too many. */
class Problems {
  readonly list: OpenDataProblem[] = [];

  add(file: File, line: number, code: OpenDataProblemCode, sentence: string): void {
    this.list.push({ file, line, code, message: line > 0 ? `${file}, line ${line}: ${sentence}` : `${file} ${sentence}` });
    if (this.list.length >= OPEN_DATA_LIMITS.problems) throw new OpenDataError(this.list, true);
  }
}

/** A row could not be read: the problem is recorded and the row skipped. */
class RowProblem extends Error {
  constructor(readonly code: OpenDataProblemCode, readonly sentence: string) {
    super(sentence);
  }
}

interface Table {
  rows: string[][];
  header: string[];
  at: (name: string) => number;
}

function table(text: string, file: File, needed: readonly string[], problems: Problems): Table | undefined {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (err) {
    problems.add(file, 0, 'NOT_CSV', `is not CSV: ${err instanceof CsvError ? err.message : 'it could not be read.'}`);
    return undefined;
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  const missing = needed.filter((name) => !header.includes(name));
  for (const name of missing) problems.add(file, 0, 'MISSING_COLUMN', `needs a "${name}" column (its first line names the columns).`);
  if (missing.length > 0) return undefined;
  return { rows: rows.slice(1), header, at: (name) => header.indexOf(name) };
}

/** Reads each row; a row that throws RowProblem is recorded and skipped. */
function eachRow(t: Table, file: File, problems: Problems, read: (row: string[], line: number) => void): void {
  t.rows.forEach((row, i) => {
    // A blank last line is not a row.
    if (row.length === 1 && row[0]!.trim() === '') return;
    try {
      read(row, i + 2);
    } catch (err) {
      if (!(err instanceof RowProblem)) throw err;
      problems.add(file, i + 2, err.code, err.sentence);
    }
  });
}

function integer(value: string | undefined, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const text = (value ?? '').trim();
  if (!/^-?\d{1,15}$/.test(text) || Number(text) < min) throw new RowProblem('NOT_A_NUMBER', `${what} must be a whole number${min === 0 ? ' (0 or more)' : ''}, not "${text}".`);
  if (Number(text) > max) throw new RowProblem('NOT_A_NUMBER', `${what} can be at most ${max.toLocaleString('en-GB')} here, not ${text}.`);
  return Number(text);
}

function voteValue(value: string | undefined): VoteValue {
  const text = (value ?? '').trim();
  if (text === '1' || text === '-1' || text === '0') return Number(text) as VoteValue;
  throw new RowProblem('BAD_VOTE', `a vote is 1, -1 or 0, not "${text}".`);
}

/**
 * When something happened, in milliseconds: from the ISO-8601 datetime when the row has one
 * (it keeps the milliseconds), otherwise from the timestamp in Unix seconds (or milliseconds,
 * for numbers that large).
 */
function time(timestamp: string | undefined, datetime: string | undefined): number {
  if (datetime !== undefined && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(datetime.trim())) {
    const ms = Date.parse(datetime.trim());
    if (Number.isFinite(ms)) return ms;
  }
  const n = integer(timestamp, 'the timestamp');
  return n > 1e11 ? n : n * 1000;
}

/** The comments read, and the ids of rows refused for another reason (votes on those are not reported again). */
function readComments(text: string, problems: Problems): { statements: OpenStatement[]; refused: Set<number> } {
  const file = 'comments.csv';
  const statements: OpenStatement[] = [];
  const refused = new Set<number>();
  const t = table(text, file, ['timestamp', 'comment-id', 'author-id', 'moderated', 'comment-body'], problems);
  if (!t) return { statements, refused };
  const ids = new Set<number>();
  eachRow(t, file, problems, (row) => {
    const id = integer(row[t.at('comment-id')], 'comment-id', 0, OPEN_DATA_LIMITS.commentId);
    if (ids.has(id)) throw new RowProblem('DUPLICATE_COMMENT', `comment ${id} appears twice.`);
    refused.add(id);
    const moderated = integer(row[t.at('moderated')], 'moderated', -1);
    if (moderated > 1) throw new RowProblem('NOT_A_NUMBER', 'moderated is 1, 0 or -1.');
    const body = undefuse(row[t.at('comment-body')] ?? '').trim();
    if (body.length === 0) throw new RowProblem('BAD_TEXT', 'the comment has no text.');
    if (body.length > OPEN_DATA_LIMITS.textLength) throw new RowProblem('BAD_TEXT', `a comment can be at most ${OPEN_DATA_LIMITS.textLength} characters (this one has ${body.length}).`);
    const statement = {
      id,
      authorId: integer(row[t.at('author-id')], 'author-id', 0, OPEN_DATA_LIMITS.participantId),
      createdAt: time(row[t.at('timestamp')], t.at('datetime') >= 0 ? row[t.at('datetime')] : undefined),
      moderated: moderated as -1 | 0 | 1,
      text: body,
    };
    refused.delete(id);
    ids.add(id);
    statements.push(statement);
  });
  if (statements.length > OPEN_DATA_LIMITS.statements) {
    problems.add(file, 0, 'TOO_MANY', `has ${statements.length.toLocaleString('en-GB')} comments; an import takes at most ${OPEN_DATA_LIMITS.statements.toLocaleString('en-GB')}.`);
  }
  return { statements, refused };
}

/**
 * Reads the layout: comments.csv, and votes.csv or (without it) participants-votes.csv. Votes on
 * a statement comments.csv does not list are refused; a repeated vote keeps the latest. Throws
 * OpenDataError with every problem found (up to OPEN_DATA_LIMITS.problems).
 */
export function parseOpenData(files: { comments: string; votes?: string; participantsVotes?: string }): OpenConversation {
  const problems = new Problems();
  const { statements, refused } = readComments(files.comments, problems);
  const ids = new Set(statements.map((s) => s.id));
  // Without comments.csv's columns every vote would be "unknown": say nothing more of them.
  const commentsRead = !problems.list.some((p) => p.line === 0);
  const latest = new Map<string, OpenVote>();
  const keep = (v: OpenVote) => {
    if (!ids.has(v.statement)) {
      // A vote on a comment whose row was refused is not reported again.
      if (commentsRead && !refused.has(v.statement)) throw new RowProblem('UNKNOWN_COMMENT', `there is no comment ${v.statement} in comments.csv.`);
      return;
    }
    const key = `${v.voter}:${v.statement}`;
    const before = latest.get(key);
    if (!before || before.at <= v.at) latest.set(key, v);
  };
  let file: File | undefined;
  if (files.votes !== undefined) {
    file = 'votes.csv';
    const t = table(files.votes, file, ['timestamp', 'comment-id', 'voter-id', 'vote'], problems);
    if (t) eachRow(t, file, problems, (row) => keep({
      statement: integer(row[t.at('comment-id')], 'comment-id', 0, OPEN_DATA_LIMITS.commentId),
      voter: integer(row[t.at('voter-id')], 'voter-id', 0, OPEN_DATA_LIMITS.participantId),
      vote: voteValue(row[t.at('vote')]),
      at: time(row[t.at('timestamp')], t.at('datetime') >= 0 ? row[t.at('datetime')] : undefined),
    }));
  } else if (files.participantsVotes !== undefined) {
    file = 'participants-votes.csv';
    const t = table(files.participantsVotes, file, ['participant'], problems);
    if (t) {
      const columns = t.header.flatMap((h, at) => (/^\d+$/.test(h) ? [{ at, statement: Number(h) }] : []));
      eachRow(t, 'participants-votes.csv', problems, (row) => {
        const voter = integer(row[t.at('participant')], 'participant', 0, OPEN_DATA_LIMITS.participantId);
        for (const { at, statement } of columns) {
          const cell = (row[at] ?? '').trim();
          if (cell !== '') keep({ statement, voter, vote: voteValue(cell), at: 0 });
        }
      });
    }
  }
  if (file && latest.size > OPEN_DATA_LIMITS.votes) {
    problems.add(file, 0, 'TOO_MANY', `has ${latest.size.toLocaleString('en-GB')} votes; an import takes at most ${OPEN_DATA_LIMITS.votes.toLocaleString('en-GB')}.`);
  }
  if (problems.list.length > 0) throw new OpenDataError(problems.list, false);
  const votes = [...latest.values()].sort((a, b) => a.at - b.at || a.voter - b.voter || a.statement - b.statement);
  return { statements: statements.sort((a, b) => a.id - b.id), votes };
}
