import { describe, expect, it } from 'vitest';
import { attending, placeNewcomer, sectionOfNewInstance, sectionWish, type SectionLoad } from './sections.js';

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

  it('counts everyone in every section', () => {
    expect(attending([load(1, 432), load(2, 17)])).toBe(449);
  });

  it('numbers a new instance, or says where the newcomer belongs', () => {
    expect(sectionOfNewInstance([], undefined, 4)).toEqual({ section: 1 });
    expect(sectionOfNewInstance([load(1, 432)], undefined, 4)).toEqual({ section: 2 });
    // A friend's link to section 3, which closed, while sections 1 and 2 are full: the lowest free number.
    expect(sectionOfNewInstance([load(1, 432), load(2, 432)], 3, 4)).toEqual({ section: 3 });
    expect(sectionOfNewInstance([load(1, 432), load(3, 432)], 4, 4)).toEqual({ section: 2 });
    // The link named a full section while another has room: enter without it.
    expect(sectionOfNewInstance([load(1, 432), load(2, 40)], 1, 4))
      .toEqual({ refusal: 'Section 2 of this event has room; enter the event without the section link.' });
    expect(sectionOfNewInstance([load(1, 2, 2), load(2, 2, 2)], undefined, 2))
      .toEqual({ refusal: 'Every section of this event is full (4 people in 2). Please try again in a few minutes.' });
  });

  it('takes a section link only as a whole number within the limit', () => {
    expect(sectionWish(2, 4)).toBe(2);
    for (const bad of [0, 5, 1.5, '2', null, undefined, Number.NaN, { n: 2 }]) expect(sectionWish(bad, 4)).toBeUndefined();
  });
});
