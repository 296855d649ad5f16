/**
 * Sections: one event, several town-hall rooms (README, "Running a big event"). Section 1 holds
 * the stage; sections 2, 3, ... mirror it. These are the rules for placing a newcomer and for
 * what people are told, as plain functions of the sections' loads, so one rule serves rooms on
 * any process.
 */

/** One section as the matchmaker lists it. */
export interface SectionLoad {
  /** 1, 2, 3, ... (1 holds the stage). */
  section: number;
  people: number;
  capacity: number;
}

export type Placement =
  | { kind: 'join'; section: number }
  | { kind: 'open'; section: number }
  | { kind: 'full'; message: string };

/**
 * Where a newcomer goes: to the section of the link they followed (a friend's) if it has room;
 * otherwise the lowest-numbered section with room (fill one, then the next); otherwise a new
 * section with the lowest free number, unless `maxSections` are open already.
 */
export function placeNewcomer(sections: readonly SectionLoad[], wish: number | undefined, maxSections: number): Placement {
  const roomy = (s: SectionLoad) => s.people < s.capacity;
  const wished = wish === undefined ? undefined : sections.find((s) => s.section === wish);
  if (wished && roomy(wished)) return { kind: 'join', section: wished.section };
  const first = [...sections].sort((x, y) => x.section - y.section).find(roomy);
  if (first) return { kind: 'join', section: first.section };
  if (sections.length >= maxSections) {
    return { kind: 'full', message: `Every section of this event is full (${attending(sections)} people in ${sections.length}). Please try again in a few minutes.` };
  }
  const taken = new Set(sections.map((s) => s.section));
  let next = 1;
  while (taken.has(next)) next++;
  return { kind: 'open', section: next };
}

/** Everyone attending, over every section. */
export function attending(sections: readonly SectionLoad[]): number {
  return sections.reduce((n, s) => n + s.people, 0);
}

/**
 * The section a new instance of a space with a stage becomes. The matchmaker opens an instance
 * only when no open one took the newcomer (none with room, or none matching a friend's section
 * link): the lowest free number while fewer than `maxSections` are open. If a section still has
 * room (the link named a full or closed section, or two people arrived at once), the newcomer
 * belongs there instead: refused with a sentence, and the page enters again without the link.
 */
export function sectionOfNewInstance(
  others: readonly SectionLoad[], wish: number | undefined, maxSections: number,
): { section: number } | { refusal: string } {
  const placed = placeNewcomer(others, wish, maxSections);
  if (placed.kind === 'open') return { section: placed.section };
  if (placed.kind === 'full') return { refusal: placed.message };
  return { refusal: `Section ${placed.section} of this event has room; enter the event without the section link.` };
}

/** A section number as a join option: a whole number from 1 to `maxSections`, else none. */
export function sectionWish(value: unknown, maxSections: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= maxSections ? value : undefined;
}
