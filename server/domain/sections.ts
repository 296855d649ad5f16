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

/** What a visitor reads: "Section 2 of 4" (nothing while the event has one section). */
export function sectionLabel(section: number, sections: number): string {
  return sections <= 1 ? '' : `Section ${section} of ${Math.max(section, sections)}`;
}
