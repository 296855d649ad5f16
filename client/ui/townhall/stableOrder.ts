import type { HallQuestion } from '../../state/hall.js';

/**
 * The question list's order, kept still under the pointer. Votes re-rank the questions all the
 * time; a list that re-sorts the moment a vote lands moves the question a person is about to
 * click, so their click lands on another. While the list is held (the pointer is over it, or a
 * finger has touched it) the questions keep their places: ones that are new go at the end, ones
 * that are gone leave; the new ranking is applied when the hold ends or when the person asks.
 */

export type QuestionOrder = 'votes' | 'newest';

/** Open questions ranked: the one being answered first, then by votes (earlier approval first on a tie) or newest first. */
export function rankQuestions(questions: readonly HallQuestion[], order: QuestionOrder): string[] {
  const open = questions.filter((q) => q.state === 'approved').sort((a, b) => (order === 'votes'
    ? b.votes - a.votes || a.approvedAt - b.approvedAt || a.id.localeCompare(b.id)
    : b.approvedAt - a.approvedAt || a.id.localeCompare(b.id)));
  return [...questions.filter((q) => q.state === 'answering').map((q) => q.id), ...open.map((q) => q.id)];
}

/**
 * What the list shows next. Not held: the ranking. Held: what it showed, less the questions
 * that no longer exist, then those new to it in ranked order, so nothing already shown moves
 * except to close a gap left by a question taken away.
 */
export function nextShown(shown: readonly string[], ranked: readonly string[], exists: (id: string) => boolean, held: boolean): string[] {
  if (!held) return [...ranked];
  const kept = shown.filter(exists);
  const have = new Set(kept);
  for (const id of ranked) if (!have.has(id)) kept.push(id);
  return kept;
}

/** Whether the ranking differs from what is shown (the "New order" prompt appears). */
export function orderWaiting(shown: readonly string[], ranked: readonly string[]): boolean {
  const rankedSet = new Set(ranked);
  const visible = shown.filter((id) => rankedSet.has(id));
  if (visible.length !== ranked.length) return false;
  return visible.some((id, i) => id !== ranked[i]);
}
