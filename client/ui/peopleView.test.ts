import { describe, expect, it } from 'vitest';
import type { Person } from '../state/ui.js';
import { MATCHES_SHOWN, NEAREST_SHOWN, peopleView } from './peopleView.js';

const person = (i: number, extra: Partial<Person> = {}): Person => ({ id: `p${i}`, name: `Person ${i}`, connected: true, role: 'visitor', seat: -1, hand: 0, ...extra });

describe('the people list in a crowd', () => {
  const crowd = Array.from({ length: 1000 }, (_, i) => person(i, i === 500 ? { hand: 1, name: 'Zed' } : {}));
  // Person i stands i metres east of the origin; we are p0, at the origin.
  const where = (id: string) => ({ x: Number(id.slice(1)), z: 0 });

  it('shows yourself, raised hands, then the nearest, and counts everyone', () => {
    const view = peopleView(crowd, 'p0', where, '');
    expect(view.total).toBe(1000);
    expect(view.shown.map((p) => p.id)).toEqual(['p0', 'p500', ...Array.from({ length: NEAREST_SHOWN }, (_, i) => `p${i + 1}`)]);
  });

  it('finds anyone by name, any case, nearest first, up to a limit', () => {
    expect(peopleView(crowd, 'p0', where, 'zED').shown.map((p) => p.id)).toEqual(['p500']);
    const many = peopleView(crowd, 'p0', where, 'person 9');
    expect(many.matches).toBe(111);
    expect(many.shown).toHaveLength(MATCHES_SHOWN);
    expect(many.shown[0]!.id).toBe('p9');
  });

  it('lists a small room whole, in the order given', () => {
    const few = [person(3), person(1)];
    expect(peopleView(few, 'p1', where, '').shown.map((p) => p.id)).toEqual(['p3', 'p1']);
  });
});
