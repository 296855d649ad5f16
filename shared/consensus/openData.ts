import { csvTable } from '../csv.js';
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

export { OPEN_DATA_LIMITS, OpenDataError, parseOpenData, type OpenDataProblem, type OpenDataProblemCode } from './openDataImport.js';
