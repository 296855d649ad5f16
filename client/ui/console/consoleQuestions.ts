import type { QueuedQuestion } from '../../../shared/protocol/townhall.js';
import type { HallQuestion } from '../../state/hall.js';

/** A question as the console shows it, whichever column it is in. */
export interface ConsoleQuestion {
  id: string;
  text: string;
  /** The asker's name: the real one for waiting questions (moderators see it), '' when asked anonymously for public ones. */
  author: string;
  anonymous: boolean;
  votes: number;
  state: 'pending' | 'approved' | 'answering' | 'answered';
  flagged: boolean;
  /** The text as asked, when a moderator edited it. */
  originalText: string | null;
}

export interface ConsoleColumns {
  waiting: ConsoleQuestion[];
  approved: ConsoleQuestion[];
  answered: ConsoleQuestion[];
}

/** Lower case, without accents or extra spaces: "Café  Budget" finds "cafe budget". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a question matches the search: every word of it appears in the text or the asker's name. */
export function matches(q: Pick<ConsoleQuestion, 'text' | 'author'>, search: string): boolean {
  const words = folded(search).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = folded(`${q.text} ${q.author}`);
  return words.every((w) => hay.includes(w));
}

/**
 * The console's three columns: waiting (oldest first, as the server queues them), approved (the
 * one on the screen first, then by votes) and answered (by votes), each filtered by the search.
 */
export function consoleColumns(pending: readonly QueuedQuestion[], questions: readonly HallQuestion[], search: string): ConsoleColumns {
  const waiting: ConsoleQuestion[] = pending.map((q) => ({
    id: q.id, text: q.text, author: q.author, anonymous: q.anonymous, votes: 0, state: 'pending', flagged: q.flagged, originalText: q.originalText,
  }));
  const shown = (q: HallQuestion): ConsoleQuestion => ({
    id: q.id, text: q.text, author: q.author, anonymous: q.author === '', votes: q.votes, state: q.state, flagged: false, originalText: null,
  });
  const byVotes = (a: HallQuestion, b: HallQuestion) => b.votes - a.votes || a.approvedAt - b.approvedAt || a.id.localeCompare(b.id);
  const approved = questions.filter((q) => q.state === 'approved' || q.state === 'answering')
    .sort((a, b) => (a.state === b.state ? byVotes(a, b) : a.state === 'answering' ? -1 : 1)).map(shown);
  const answered = questions.filter((q) => q.state === 'answered').sort(byVotes).map(shown);
  const keep = (q: ConsoleQuestion) => matches(q, search);
  return { waiting: waiting.filter(keep), approved: approved.filter(keep), answered: answered.filter(keep) };
}

/** The questions a duplicate may be merged into: every other one the event still has, waiting or shown. */
export function mergeTargets(id: string, all: ConsoleColumns): ConsoleQuestion[] {
  return [...all.approved, ...all.waiting, ...all.answered].filter((q) => q.id !== id);
}

/** A short form of a question for menus and confirmations. */
export function shortText(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
