import type { ConsensusAnalysis } from '../../shared/consensus/analysis.js';
import type { PreviousGroup } from '../../shared/consensus/groupIdentity.js';
import type { ConsensusAnalysisView } from '../../shared/protocol/consensus.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { Refusal } from './refusal.js';

/** The rules of a consensus conversation as plain functions (issue 20). */

export type StatementStateName = 'accepted' | 'pending' | 'rejected';

interface StatementLike {
  number: number;
  text: string;
  state: StatementStateName;
  /** Votes cast on it so far. */
  votes: number;
}

/** Statements on the bridging wall (highest group-informed consensus). */
export const BRIDGING_SHOWN = 10;

/**
 * The order one person sees statements in: only accepted ones they have not voted on, the
 * least-voted first (those nobody has voted on come first of all), then by number. This gives
 * the analysis votes where it has fewest.
 */
export function statementOrder(statements: readonly StatementLike[], mine: ReadonlyMap<number, number>): { number: number; text: string }[] {
  return statements
    .filter((s) => s.state === 'accepted' && !mine.has(s.number))
    .sort((a, b) => a.votes - b.votes || a.number - b.number)
    .map((s) => ({ number: s.number, text: s.text }));
}

/** A vote is on an accepted statement of the conversation. */
export function checkVotable(statements: readonly Omit<StatementLike, 'votes'>[], number: number): void {
  const statement = statements.find((s) => s.number === number);
  if (!statement) throw new Refusal(ErrorCode.NOT_FOUND, 'There is no such statement in this conversation.');
  if (statement.state !== 'accepted') {
    throw new Refusal(ErrorCode.CONFLICT, statement.state === 'pending'
      ? 'This statement is waiting for a moderator; you can vote on it once it is accepted.'
      : 'This statement was rejected by a moderator; it cannot be voted on.');
  }
}

/** Staff of the space add statements directly; anyone else's wait for a moderator. */
export function submittedState(runsTheSpace: boolean): StatementStateName {
  return runsTheSpace ? 'accepted' : 'pending';
}

/** A statement that says the same as one already there (case, spacing and punctuation folded). */
export function isDuplicateStatement(text: string, existing: readonly Omit<StatementLike, 'votes'>[]): boolean {
  const fold = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const folded = fold(text);
  return existing.some((s) => s.state !== 'rejected' && fold(s.text) === folded);
}

/** Most points a room pushes to every client (the full map is open data over HTTP). */
export const ROOM_POINTS = 2000;

/** The analysis as a room pushes it: at most ROOM_POINTS points, every n-th one kept when there are more. */
export function roomView(view: ConsensusAnalysisView, max = ROOM_POINTS): ConsensusAnalysisView {
  if (view.points.length <= max) return view;
  const step = view.points.length / max;
  const points = Array.from({ length: max }, (_, i) => view.points[Math.floor(i * step)]!);
  return { ...view, points };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** The analysis as published (open data and the rooms' push): points as tuples, numbers rounded to 6 places. */
export function analysisView(conversationId: string, run: number, analysis: ConsensusAnalysis, computedAt: string, tookMs: number): ConsensusAnalysisView {
  return {
    conversationId,
    run,
    computedAt,
    tookMs: round(tookMs),
    statementCount: analysis.statementCount,
    votesAnalysed: analysis.votesAnalysed,
    participantCount: analysis.participantCount,
    clusteredCount: analysis.clusteredCount,
    points: analysis.points.map((p) => [p.participant, round(p.x), round(p.y), p.group]),
    groups: analysis.groups.map((g) => ({
      id: g.id,
      size: g.size,
      centre: [round(g.centre[0]), round(g.centre[1])],
      representative: g.representative.map((r) => ({
        statement: r.statement, direction: r.direction, p: round(r.p), ratio: round(r.ratio), pTest: round(r.pTest), ratioTest: round(r.ratioTest),
        agree: r.agree, disagree: r.disagree, seen: r.seen,
      })),
    })),
    majority: {
      agree: analysis.majority.agree.map((m) => ({ statement: m.statement, p: round(m.p), pTest: round(m.pTest) })),
      disagree: analysis.majority.disagree.map((m) => ({ statement: m.statement, p: round(m.p), pTest: round(m.pTest) })),
    },
    bridging: analysis.groupInformed.slice(0, BRIDGING_SHOWN).map((g) => ({ statement: g.statement, agree: round(g.agree), disagree: round(g.disagree) })),
    groupCount: analysis.groupCount,
    silhouettes: analysis.silhouettes.map((s) => ({ k: s.k, score: round(s.score) })),
  };
}

/** What the next run needs of a published analysis to keep the groups' labels: each group's label, centre and members. */
export function previousGroupsOf(view: Pick<ConsensusAnalysisView, 'groups' | 'points'>): PreviousGroup[] {
  const members = new Map<number, number[]>(view.groups.map((g) => [g.id, []]));
  for (const [participant, , , group] of view.points) members.get(group)?.push(participant);
  return view.groups.map((g) => ({ id: g.id, centre: g.centre, members: members.get(g.id)! }));
}

