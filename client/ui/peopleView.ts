import type { Person } from '../state/ui.js';

/** How many people the list shows at most when nobody searches: the nearest. */
export const NEAREST_SHOWN = 12;
/** How many matches a search shows at most. */
export const MATCHES_SHOWN = 50;

export interface Spot { x: number; z: number }

export interface PeopleView {
  /** The people to list, in order. */
  shown: Person[];
  /** How many matched (everyone, without a search). */
  matches: number;
  total: number;
}

/**
 * Which people the list shows in a crowd: without a search, yourself, anyone with a hand up,
 * then the nearest; with one, everyone whose name contains it (any case), nearest first.
 * `where` gives a person's position, or undefined if not known yet.
 */
export function peopleView(people: readonly Person[], selfId: string, where: (id: string) => Spot | undefined, query: string): PeopleView {
  const me = where(selfId);
  const distance = (p: Person) => {
    const at = where(p.id);
    return me && at ? Math.hypot(at.x - me.x, at.z - me.z) : Infinity;
  };
  const q = query.trim().toLocaleLowerCase();
  const byNearness = (list: Person[]) => list
    .map((p) => ({ p, d: distance(p) }))
    .sort((a, b) => a.d - b.d || a.p.name.localeCompare(b.p.name))
    .map((e) => e.p);
  if (q) {
    const matching = people.filter((p) => p.name.toLocaleLowerCase().includes(q));
    return { shown: byNearness(matching).slice(0, MATCHES_SHOWN), matches: matching.length, total: people.length };
  }
  if (people.length <= NEAREST_SHOWN) return { shown: [...people], matches: people.length, total: people.length };
  const self = people.filter((p) => p.id === selfId);
  const hands = people.filter((p) => p.id !== selfId && p.hand > 0).sort((a, b) => a.hand - b.hand);
  const rest = byNearness(people.filter((p) => p.id !== selfId && p.hand === 0)).slice(0, NEAREST_SHOWN);
  return { shown: [...self, ...hands, ...rest], matches: people.length, total: people.length };
}
