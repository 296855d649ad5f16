import { describe, expect, it } from 'vitest';
import {
  attending, keepsStaffPlace, numbersToClaim, placeNewcomer, placesFor, sectionOfNewInstance, sectionWish, takesVisitors, type SectionLoad,
} from './sections.js';

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

  it('keeps the last places of section 1 for hosts and moderators', () => {
    expect(placesFor(1, 500, 10, false)).toBe(490);
    expect(placesFor(1, 500, 10, true)).toBe(500);
    expect(placesFor(2, 500, 10, false)).toBe(500);
    // However large the reserve, section 1 takes one visitor.
    expect(placesFor(1, 3, 5, false)).toBe(1);
    expect(takesVisitors(1, 489, 500, 10)).toBe(true);
    expect(takesVisitors(1, 490, 500, 10)).toBe(false);
    expect(takesVisitors(2, 490, 500, 10)).toBe(true);
    // Section 1 full for visitors: a visitor opens (or joins) section 2, a host still gets section 1.
    expect(placeNewcomer([load(1, 490, 500)], undefined, 4, { staffReserve: 10 })).toEqual({ kind: 'open', section: 2 });
    expect(placeNewcomer([load(1, 490, 500)], undefined, 4, { staff: true, staffReserve: 10 })).toEqual({ kind: 'join', section: 1 });
    expect(placeNewcomer([load(1, 490, 500), load(2, 3, 500)], 1, 4, { staffReserve: 10 })).toEqual({ kind: 'join', section: 2 });
    expect(sectionOfNewInstance([load(1, 490, 500)], undefined, 4, { staffReserve: 10 })).toEqual({ section: 2 });
    // The console asks for section 1: opened again if it closed while section 2 stayed; a visitor's link is not.
    expect(sectionOfNewInstance([load(2, 40, 500)], 1, 4, { staff: true })).toEqual({ section: 1 });
    expect(sectionOfNewInstance([load(2, 40, 500)], 1, 4, {})).toEqual({ refusal: 'Section 2 of this event has room; enter the event without the section link.' });
  });

  it('keeps places for whoever may run the event or moderate it, and no one else', () => {
    expect(keepsStaffPlace({ kind: 'account', grants: [{ role: 'host', spaceId: 'townhall' }] }, 'townhall')).toBe(true);
    expect(keepsStaffPlace({ kind: 'account', grants: [{ role: 'moderator', spaceId: 'townhall' }] }, 'townhall')).toBe(true);
    expect(keepsStaffPlace({ kind: 'account', grants: [{ role: 'moderator', spaceId: 'plaza' }] }, 'townhall')).toBe(false);
    expect(keepsStaffPlace({ kind: 'account', grants: [] }, 'townhall')).toBe(false);
  });

  it('lists the numbers a new section may claim when another took the first one at the same moment', () => {
    expect(numbersToClaim([], 1, 3)).toEqual([1, 2, 3]);
    expect(numbersToClaim([load(1, 432), load(3, 432)], 2, 4)).toEqual([2, 4]);
    expect(numbersToClaim([load(1, 432)], 2, 2)).toEqual([2]);
  });
});
