import { describe, expect, it } from 'vitest';
import type { QueuedQuestion } from '../../../shared/protocol/townhall.js';
import type { HallQuestion } from '../../state/hall.js';
import { commandFor } from './consoleKeys.js';
import { consoleColumns, folded, matches, mergeTargets } from './consoleQuestions.js';

const pending = (id: string, text: string, author = 'Ann'): QueuedQuestion => ({
  id, text, originalText: null, author, anonymous: false, flagged: false, createdAt: 0, state: 'pending',
});
const shown = (id: string, text: string, votes: number, state: HallQuestion['state'] = 'approved'): HallQuestion => ({
  id, text, author: '', votes, state, approvedAt: 0,
});

describe('the console columns', () => {
  const queue = [pending('p1', 'When does the café reopen?'), pending('p2', 'Bus lanes on King Street?', 'Bea')];
  const public_ = [shown('a1', 'Library hours', 2), shown('a2', 'Parking fees', 5), shown('s1', 'Street lights', 1, 'answering'), shown('d1', 'Potholes', 7, 'answered')];

  it('splits waiting, approved (the one on screen first, then votes) and answered', () => {
    const c = consoleColumns(queue, public_, '');
    expect(c.waiting.map((q) => q.id)).toEqual(['p1', 'p2']);
    expect(c.approved.map((q) => q.id)).toEqual(['s1', 'a2', 'a1']);
    expect(c.answered.map((q) => q.id)).toEqual(['d1']);
    expect(mergeTargets('a2', c).map((q) => q.id)).toEqual(['s1', 'a1', 'p1', 'p2', 'd1']);
  });

  it('searches every column by words of the text or the asker, ignoring case and accents', () => {
    expect(folded('  Café   REOPEN ')).toBe('cafe reopen');
    expect(matches({ text: 'When does the café reopen?', author: 'Ann' }, 'cafe when')).toBe(true);
    expect(matches({ text: 'When does the café reopen?', author: 'Ann' }, 'cafe bus')).toBe(false);
    const c = consoleColumns(queue, public_, 'bea');
    expect([c.waiting.length, c.approved.length, c.answered.length]).toEqual([1, 0, 0]);
    expect(consoleColumns(queue, public_, 'PARKING').approved.map((q) => q.id)).toEqual(['a2']);
  });
});

describe('the console shortcuts', () => {
  const key = (k: string, target: unknown = { tagName: 'BODY' }, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) =>
    commandFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods, target: target as EventTarget });

  it('maps one key to each command, not while typing or with a modifier', () => {
    expect(key('a')).toBe('approve');
    expect(key('A')).toBe('approve');
    expect(key('/')).toBe('search');
    expect(key('=')).toBe('more');
    expect(key('-')).toBe('less');
    expect(key('x')).toBeNull();
    expect(key('a', { tagName: 'INPUT' })).toBeNull();
    expect(key('a', { tagName: 'TEXTAREA' })).toBeNull();
    expect(key('a', undefined, { ctrlKey: true })).toBeNull();
  });
});
