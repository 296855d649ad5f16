import { describe, expect, it } from 'vitest';
import type { HallQuestion } from '../../state/hall.js';
import { nextShown, orderWaiting, rankQuestions } from './stableOrder.js';

const q = (id: string, votes: number, approvedAt: number, state: HallQuestion['state'] = 'approved'): HallQuestion => ({ id, text: id, author: '', votes, state, approvedAt });

describe('the stable question order', () => {
  it('ranks the one being answered first, then by votes (earlier first on a tie) or newest', () => {
    const list = [q('a', 1, 10), q('b', 3, 20), q('c', 3, 5), q('d', 0, 30, 'answering'), q('e', 9, 1, 'answered')];
    expect(rankQuestions(list, 'votes')).toEqual(['d', 'c', 'b', 'a']);
    expect(rankQuestions(list, 'newest')).toEqual(['d', 'b', 'a', 'c']);
  });

  it('keeps every shown question in its place while held, adding new ones at the end', () => {
    const shown = ['a', 'b', 'c'];
    const ranked = ['c', 'x', 'a', 'b'];
    const exists = (id: string) => ['a', 'b', 'c', 'x'].includes(id);
    expect(nextShown(shown, ranked, exists, true)).toEqual(['a', 'b', 'c', 'x']);
    expect(nextShown(shown, ranked, exists, false)).toEqual(ranked);
  });

  it('keeps a question that was answered while held in its place, and drops one that is gone', () => {
    // b was answered (no longer ranked, still exists); c was dismissed (gone).
    const exists = (id: string) => id !== 'c';
    expect(nextShown(['a', 'b', 'c', 'd'], ['d', 'a'], exists, true)).toEqual(['a', 'b', 'd']);
  });

  it('offers the new order only when it differs from what is shown', () => {
    expect(orderWaiting(['a', 'b'], ['a', 'b'])).toBe(false);
    expect(orderWaiting(['a', 'b'], ['b', 'a'])).toBe(true);
    // An answered question kept in place does not count as a difference.
    expect(orderWaiting(['a', 'done', 'b'], ['a', 'b'])).toBe(false);
  });
});
