import { describe, expect, it } from 'vitest';
import { SectionOrder } from './sectionOrders.js';
import { handOrder, MirrorBook, shouldTell, STAGE_FORGET_MS, STAGE_HEARTBEAT_MS, StageNews, stageKey, type StagePerson } from './stageMirror.js';

const person = (id: string, x = 0, over: Partial<StagePerson> = {}): StagePerson => ({
  id, name: id.toUpperCase(), role: 'host', look: 7, hue: 3, x, z: 1, yaw: 0, gait: 0, hand: 0, ...over,
});
const nobody = () => false;
const news = (from: string, people: StagePerson[], more: Partial<StageNews> = {}): StageNews => ({ from, section: 2, people, hands: [], floor: null, ...more });
const key = (people: StagePerson[]) => stageKey(news('s', people));

describe('telling the other sections who is on the stage', () => {
  it('tells on a change, then only every heartbeat while someone stands there', () => {
    const told = key([person('a', 1)]);
    expect(shouldTell(told, undefined, 0, 0)).toBe(true);
    expect(shouldTell(told, told, STAGE_HEARTBEAT_MS - 1, 0)).toBe(false);
    expect(shouldTell(told, told, STAGE_HEARTBEAT_MS, 0)).toBe(true);
    // A step of a centimetre is a change; a tenth of a millimetre is not.
    expect(key([person('a', 1.01)])).not.toBe(told);
    expect(key([person('a', 1.0001)])).toBe(told);
    // A hand going up or a floor turn is a change too.
    expect(stageKey(news('s', [], { hands: [{ id: 'h', name: 'H', hand: 5 }] }))).not.toBe('');
    expect(stageKey(news('s', [], { floor: { holder: 'h', name: 'H', endsAt: 9 } }))).not.toBe('');
    expect(key([])).toBe('');
    // The stage emptied: told once, then silence.
    expect(shouldTell('', told, 10, 0)).toBe(true);
    expect(shouldTell('', '', 10 * STAGE_HEARTBEAT_MS, 0)).toBe(false);
  });

  it('refuses malformed news from the bus', () => {
    expect(StageNews.safeParse(news('r1', [person('a')])).success).toBe(true);
    for (const bad of [null, 'x', news('', []), news('r', [{ ...person('a'), x: Number.NaN }]), { from: 'r', people: [] },
      news('r', [{ ...person('a'), gait: 9 }]), news('r', Array.from({ length: 33 }, (_, i) => person(`p${i}`))),
      news('r', [], { hands: [{ id: 'h', name: 'H', hand: 0 }] }), news('r', [], { floor: { holder: '', name: 'H', endsAt: 1 } })]) {
      expect(StageNews.safeParse(bad).success).toBe(false);
    }
  });
});

describe('the figures mirrored from other sections', () => {
  it('shows what a section told, and drops who left its stage', () => {
    const book = new MirrorBook();
    expect(book.apply(news('s1', [person('a'), person('b')]), 0, nobody)).toEqual({ show: [person('a'), person('b')], drop: [] });
    expect(book.apply(news('s1', [person('b', 2)]), 100, nobody)).toEqual({ show: [person('b', 2)], drop: ['a'] });
    expect(book.has('b')).toBe(true);
    expect(book.apply(news('s1', []), 200, nobody)).toEqual({ show: [], drop: ['b'] });
    expect(book.all()).toEqual([]);
  });

  it('never mirrors someone who stands here for real, and keeps sections apart', () => {
    const book = new MirrorBook();
    const here = (id: string) => id === 'a';
    expect(book.apply(news('s1', [person('a'), person('b')]), 0, here).show.map((p) => p.id)).toEqual(['b']);
    book.apply(news('s3', [person('c')]), 0, nobody);
    // Section 3's news does not drop section 1's figures.
    expect(book.apply(news('s3', []), 10, nobody).drop).toEqual(['c']);
    expect(book.has('b')).toBe(true);
  });

  it('forgets a section that went quiet (closed, or its process died)', () => {
    const book = new MirrorBook();
    book.apply(news('s1', [person('a')]), 0, nobody);
    book.apply(news('s2', [person('b')]), STAGE_FORGET_MS - 10, nobody);
    expect(book.expire(STAGE_FORGET_MS - 1)).toEqual([]);
    expect(book.expire(STAGE_FORGET_MS)).toEqual(['a']);
    expect(book.has('b')).toBe(true);
  });
});

describe("the other sections' hands and floor", () => {
  it('lists every hand elsewhere in the order they went up, with its section, and finds who holds one', () => {
    const book = new MirrorBook();
    book.note(news('s2', [], { section: 2, hands: [{ id: 'b', name: 'B', hand: 30 }, { id: 'a', name: 'A', hand: 10 }] }), 0);
    book.note(news('s3', [], { section: 3, hands: [{ id: 'c', name: 'C', hand: 20 }] }), 0);
    expect(book.handsElsewhere()).toEqual([
      { id: 'a', name: 'A', hand: 10, section: 2 }, { id: 'c', name: 'C', hand: 20, section: 3 }, { id: 'b', name: 'B', hand: 30, section: 2 },
    ]);
    expect(book.whereIs('c')).toEqual({ from: 's3', section: 3, name: 'C' });
    expect(book.whereIs('z')).toBeUndefined();
    // Section 2 lowered its hands.
    book.note(news('s2', [], { section: 2 }), 10);
    expect(book.handsElsewhere().map((h) => h.id)).toEqual(['c']);
  });

  it('knows where the floor is taken, and forgets it with a quiet section', () => {
    const book = new MirrorBook();
    expect(book.floorElsewhere()).toBeUndefined();
    book.note(news('s2', [], { section: 2, floor: { holder: 'b', name: 'Bo', endsAt: 99 } }), 0);
    expect(book.floorElsewhere()).toEqual({ holder: 'b', name: 'Bo', endsAt: 99, section: 2, from: 's2' });
    book.expire(STAGE_FORGET_MS);
    expect(book.floorElsewhere()).toBeUndefined();
    // A section answered that it started the turn called from here: known before its news, hands kept.
    book.note(news('s3', [], { section: 3, hands: [{ id: 'c', name: 'C', hand: 20 }] }), 10_000);
    book.noteFloor('s3', 3, { holder: 'd', name: 'Di', endsAt: 70_000 }, 10_050);
    expect(book.floorElsewhere()).toEqual({ holder: 'd', name: 'Di', endsAt: 70_000, section: 3, from: 's3' });
    expect(book.handsElsewhere().map((h) => h.id)).toEqual(['c']);
  });

  it('numbers hands by the millisecond they went up, so sections queue together, never twice the same here', () => {
    const at = Date.UTC(2026, 11, 7, 12, 0, 0);
    const first = handOrder(at, 0);
    expect(first).toBe(at);
    expect(handOrder(at, first)).toBe(first + 1);
    expect(handOrder(at + 5000, first)).toBe(at + 5000);
    expect(handOrder(at + 0.5, 0)).toBe(at);
  });

  it('takes only well-formed orders between sections', () => {
    const by = { sessionId: 'm', kind: 'account', name: 'Mo', accountId: 'a1', grants: [{ role: 'moderator', spaceId: 'townhall' }], expiresAt: '2030-01-01T00:00:00.000Z' };
    const addressed = { to: 'r', from: 'q', ask: 'q:1' };
    expect(SectionOrder.safeParse({ ...addressed, action: 'call', sessionId: 's', name: 'Bo', seconds: 60, by: 'acc' }).success).toBe(true);
    expect(SectionOrder.safeParse({ ...addressed, action: 'extend', seconds: -30 }).success).toBe(true);
    expect(SectionOrder.safeParse({ ...addressed, action: 'mute', by, message: { sessionId: 's', muted: true } }).success).toBe(true);
    for (const bad of [
      { ...addressed, action: 'call', sessionId: 's', name: 'Bo', seconds: 5, by: null }, { ...addressed, action: 'dance' }, { action: 'end' },
      { to: 'r', action: 'end' }, { ...addressed, action: 'ban', by, message: { sessionId: 's', reason: '' } },
      { ...addressed, action: 'remove', by: { ...by, grants: [{ role: 'king', spaceId: null }] }, message: { sessionId: 's' } },
    ]) {
      expect(SectionOrder.safeParse(bad).success).toBe(false);
    }
  });
});
