import type { EventRecord } from '../../shared/protocol/api.js';
import { csvCell } from '../../shared/csv.js';

type RecordQuestion = EventRecord['questions'][number];

/** A stored question, as much of it as the record reads. */
export interface QuestionLike {
  id: string;
  text: string;
  originalText: string | null;
  authorName: string;
  anonymous: boolean;
  votes: number;
  state: string;
  createdAt: string;
  approvedAt: string | null;
  answeringAt: string | null;
  answeredAt: string | null;
  dismissedAt: string | null;
  mergedInto: string | null;
  votesCarried: number;
}

const PUBLIC = new Set(['approved', 'answering', 'answered']);

/**
 * The questions of an event's record: those made public, and each duplicate merged into one of
 * them (state 'merged', naming the question it repeats and the backers it carried there). A
 * duplicate merged into a question that never became public (or into another duplicate of one)
 * goes with the dismissed ones, which are only counted.
 */
export function recordQuestions(all: readonly QuestionLike[]): { questions: RecordQuestion[]; dismissedCount: number } {
  const byId = new Map(all.map((q) => [q.id, q]));
  /** Whether following the merges from this duplicate ends at a public question. */
  const landsInPublic = (q: QuestionLike): boolean => {
    const seen = new Set<string>();
    let at: QuestionLike | undefined = q;
    while (at && at.state === 'dismissed' && at.mergedInto && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.mergedInto);
    }
    return at !== undefined && PUBLIC.has(at.state);
  };
  const questions: RecordQuestion[] = [];
  let dismissedCount = 0;
  for (const q of all) {
    const merged = q.state === 'dismissed' && q.mergedInto !== null && landsInPublic(q);
    if (!merged && !PUBLIC.has(q.state)) {
      if (q.state === 'dismissed') dismissedCount++;
      continue;
    }
    questions.push({
      id: q.id, text: q.text, originalText: q.originalText, author: q.anonymous ? 'anonymous' : q.authorName, votes: q.votes,
      state: merged ? 'merged' : (q.state as 'approved' | 'answering' | 'answered'),
      askedAt: q.createdAt, approvedAt: q.approvedAt, answeringAt: q.answeringAt, answeredAt: q.answeredAt,
      mergedInto: merged ? q.mergedInto : null, mergedAt: merged ? q.dismissedAt : null, votesCarried: merged ? q.votesCarried : 0,
    });
  }
  return { questions, dismissedCount };
}

interface TurnLike { holderKey: string; holderName: string; seconds: number | null }

/** Speaking time from the floor per person (by identity, named as last seen), most first. */
export function equalTime(turns: readonly TurnLike[]): { name: string; turns: number; seconds: number }[] {
  const byPerson = new Map<string, { name: string; turns: number; seconds: number }>();
  for (const t of turns) {
    const entry = byPerson.get(t.holderKey) ?? { name: t.holderName, turns: 0, seconds: 0 };
    entry.name = t.holderName;
    entry.turns++;
    entry.seconds = Math.round((entry.seconds + (t.seconds ?? 0)) * 10) / 10;
    byPerson.set(t.holderKey, entry);
  }
  return [...byPerson.values()].sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name));
}

const COLUMNS = ['section', 'id', 'text', 'original_text', 'author', 'votes', 'state', 'asked_at', 'approved_at', 'answering_at', 'answered_at', 'merged_into', 'merged_at', 'votes_carried', 'name', 'started_at', 'ended_at', 'seconds', 'turns'] as const;

/**
 * One CSV table for the whole record (RFC 4180), a `section` column telling questions,
 * floor turns and the equal-time report apart. Every text cell is quoted, and text a
 * spreadsheet could run as a formula is defused (see `defuse` in shared/csv.ts, which writes every open-data CSV); numbers are written bare.
 */
export function recordToCsv(record: EventRecord): string {
  const rows: Partial<Record<(typeof COLUMNS)[number], string | number | null>>[] = [
    ...record.questions.map((q) => ({
      section: 'question', id: q.id, text: q.text, original_text: q.originalText, author: q.author, votes: q.votes, state: q.state,
      asked_at: q.askedAt, approved_at: q.approvedAt, answering_at: q.answeringAt, answered_at: q.answeredAt,
      merged_into: q.mergedInto, merged_at: q.mergedAt, votes_carried: q.state === 'merged' ? q.votesCarried : null,
    })),
    ...record.floorTurns.map((t) => ({ section: 'floor_turn', name: t.name, started_at: t.startedAt, ended_at: t.endedAt, seconds: t.seconds })),
    ...record.equalTime.map((e) => ({ section: 'equal_time', name: e.name, seconds: e.seconds, turns: e.turns })),
  ];
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

