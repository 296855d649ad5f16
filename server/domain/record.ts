import type { EventRecord } from '../../shared/protocol/api.js';
import { csvCell } from '../../shared/csv.js';

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

const COLUMNS = ['section', 'id', 'text', 'original_text', 'author', 'votes', 'state', 'asked_at', 'approved_at', 'answering_at', 'answered_at', 'name', 'started_at', 'ended_at', 'seconds', 'turns'] as const;

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
    })),
    ...record.floorTurns.map((t) => ({ section: 'floor_turn', name: t.name, started_at: t.startedAt, ended_at: t.endedAt, seconds: t.seconds })),
    ...record.equalTime.map((e) => ({ section: 'equal_time', name: e.name, seconds: e.seconds, turns: e.turns })),
  ];
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

