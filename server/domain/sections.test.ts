import { describe, expect, it } from 'vitest';
import { attending, placeNewcomer, sectionLabel, type SectionLoad } from './sections.js';

const load = (section: number, people: number, capacity = 432): SectionLoad => ({ section, people, capacity });

describe('placing newcomers in sections', () => {
  it('opens section 1 for the first person', () => {
    expect(placeNewcomer([], undefined, 4)).toEqual({ kind: 'open', section: 1 });
  });

  it('fills one section, then the next', () => {
    expect(placeNewcomer([load(1, 431)], undefined, 4)).toEqual({ kind: 'join', section: 1 });
    expect(placeNewcomer([load(1, 432)], undefined, 4)).toEqual({ kind: 'open', section: 2 });
    expect(placeNewcomer([load(2, 10), load(1, 432)], undefined, 4)).toEqual({ kind: 'join', section: 2 });
    // Someone left section 1: the next newcomer fills it before section 2 grows.
    expect(placeNewcomer([load(1, 431), load(2, 10)], undefined, 4)).toEqual({ kind: 'join', section: 1 });
  });

  it("sends a friend's link to that section while it has room, else where there is room", () => {
    expect(placeNewcomer([load(1, 100), load(2, 5)], 2, 4)).toEqual({ kind: 'join', section: 2 });
    expect(placeNewcomer([load(1, 100), load(2, 432)], 2, 4)).toEqual({ kind: 'join', section: 1 });
    // A link to a section that closed: like no link.
    expect(placeNewcomer([load(1, 100)], 3, 4)).toEqual({ kind: 'join', section: 1 });
  });

  it('reuses the lowest free number and stops at the limit with a sentence', () => {
    expect(placeNewcomer([load(1, 432), load(3, 432)], undefined, 4)).toEqual({ kind: 'open', section: 2 });
    const full = placeNewcomer([load(1, 2, 2), load(2, 2, 2)], undefined, 2);
    expect(full).toEqual({ kind: 'full', message: 'Every section of this event is full (4 people in 2). Please try again in a few minutes.' });
  });

  it('counts everyone and labels sections only when there are several', () => {
    expect(attending([load(1, 432), load(2, 17)])).toBe(449);
    expect(sectionLabel(1, 1)).toBe('');
    expect(sectionLabel(2, 4)).toBe('Section 2 of 4');
  });
});
