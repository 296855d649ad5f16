import { describe, expect, it } from 'vitest';
import { handLabel, handsInOrder, ordinal } from './handOrder.js';

describe('the hands queue', () => {
  it('orders hands here and in other sections together, and counts a mirrored person once', () => {
    const here = [{ id: 'a', name: 'Ada', hand: 30 }, { id: 'x', name: 'Xi', hand: 0 }, { id: 'c', name: 'Cy', hand: 12 }];
    const elsewhere = [{ id: 'b', name: 'Bo', hand: 20, section: 2 }, { id: 'c', name: 'Cy', hand: 12, section: 3 }];
    expect(handsInOrder(here, elsewhere).map((h) => [h.id, h.section])).toEqual([['c', 3], ['b', 2], ['a', 0]]);
    expect(handsInOrder(here).map((h) => h.id)).toEqual(['c', 'a']);
    expect(handLabel({ id: 'b', name: 'Bo', hand: 20, section: 2 })).toBe('Bo (section 2)');
    expect(handLabel({ id: 'a', name: 'Ada', hand: 30, section: 0 })).toBe('Ada');
    expect(ordinal(22)).toBe('22nd');
  });
});
