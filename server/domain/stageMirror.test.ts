import { describe, expect, it } from 'vitest';
import { MirrorBook, shouldTell, STAGE_FORGET_MS, STAGE_HEARTBEAT_MS, StageNews, stageKey, type StagePerson } from './stageMirror.js';

const person = (id: string, x = 0, over: Partial<StagePerson> = {}): StagePerson => ({
  id, name: id.toUpperCase(), role: 'host', look: 7, hue: 3, x, z: 1, yaw: 0, gait: 0, hand: 0, ...over,
});
const nobody = () => false;

describe('telling the other sections who is on the stage', () => {
  it('tells on a change, then only every heartbeat while someone stands there', () => {
    const key = stageKey([person('a', 1)]);
    expect(shouldTell(key, undefined, 0, 0)).toBe(true);
    expect(shouldTell(key, key, STAGE_HEARTBEAT_MS - 1, 0)).toBe(false);
    expect(shouldTell(key, key, STAGE_HEARTBEAT_MS, 0)).toBe(true);
    // A step of a centimetre is a change; a tenth of a millimetre is not.
    expect(stageKey([person('a', 1.01)])).not.toBe(key);
    expect(stageKey([person('a', 1.0001)])).toBe(key);
    // The stage emptied: told once, then silence.
    expect(shouldTell('', key, 10, 0)).toBe(true);
    expect(shouldTell('', '', 10 * STAGE_HEARTBEAT_MS, 0)).toBe(false);
  });

  it('refuses malformed news from the bus', () => {
    expect(StageNews.safeParse({ from: 'r1', people: [person('a')] }).success).toBe(true);
    for (const bad of [null, 'x', { from: '', people: [] }, { from: 'r', people: [{ ...person('a'), x: Number.NaN }] },
      { from: 'r', people: [{ ...person('a'), gait: 9 }] }, { from: 'r', people: Array.from({ length: 33 }, (_, i) => person(`p${i}`)) }]) {
      expect(StageNews.safeParse(bad).success).toBe(false);
    }
  });
});

describe('the figures mirrored from other sections', () => {
  it('shows what a section told, and drops who left its stage', () => {
    const book = new MirrorBook();
    expect(book.apply({ from: 's1', people: [person('a'), person('b')] }, 0, nobody)).toEqual({ show: [person('a'), person('b')], drop: [] });
    expect(book.apply({ from: 's1', people: [person('b', 2)] }, 100, nobody)).toEqual({ show: [person('b', 2)], drop: ['a'] });
    expect(book.has('b')).toBe(true);
    expect(book.apply({ from: 's1', people: [] }, 200, nobody)).toEqual({ show: [], drop: ['b'] });
    expect(book.all()).toEqual([]);
  });

  it('never mirrors someone who stands here for real, and keeps sections apart', () => {
    const book = new MirrorBook();
    const here = (id: string) => id === 'a';
    expect(book.apply({ from: 's1', people: [person('a'), person('b')] }, 0, here).show.map((p) => p.id)).toEqual(['b']);
    book.apply({ from: 's3', people: [person('c')] }, 0, nobody);
    // Section 3's news does not drop section 1's figures.
    expect(book.apply({ from: 's3', people: [] }, 10, nobody).drop).toEqual(['c']);
    expect(book.has('b')).toBe(true);
  });

  it('forgets a section that went quiet (closed, or its process died)', () => {
    const book = new MirrorBook();
    book.apply({ from: 's1', people: [person('a')] }, 0, nobody);
    book.apply({ from: 's2', people: [person('b')] }, STAGE_FORGET_MS - 10, nobody);
    expect(book.expire(STAGE_FORGET_MS - 1)).toEqual([]);
    expect(book.expire(STAGE_FORGET_MS)).toEqual(['a']);
    expect(book.has('b')).toBe(true);
  });
});
