import type { Principal } from '../../shared/access.js';
import { mayUseConsole } from './console.js';

/**
 * Sections: one event, several town-hall rooms (README, "Running a big event"). Section 1 holds
 * the stage; sections 2, 3, ... mirror it. These are the rules for placing a newcomer and for
 * what people are told, as plain functions of the sections' loads, so one rule serves rooms on
 * any process.
 */

/**
 * Who has a place kept in section 1 (where the stage and the moderators' console are): the
 * space's hosts and moderators (and admins), whoever may run the event or moderate its questions.
 */
export function keepsStaffPlace(who: Principal, spaceId: string): boolean {
  return mayUseConsole(who, spaceId);
}

/**
 * How many people a section takes in before it counts as full for visitors: section 1 keeps its
 * last `staffReserve` places (SECTION_STAFF_RESERVE) for hosts and moderators; the others take
 * visitors up to their size. Staff use every place.
 */
export function placesFor(section: number, capacity: number, staffReserve: number, staff: boolean): number {
  if (staff || section !== 1) return capacity;
  // However large the reserve, section 1 takes at least one visitor.
  return Math.max(1, capacity - staffReserve);
}

/** Does this section still take visitors (its listing's `visitors` field, which the matchmaker filters on)? */
export function takesVisitors(section: number, people: number, capacity: number, staffReserve: number): boolean {
  return people < placesFor(section, capacity, staffReserve, false);
}

/** Who is arriving, for placement: staff (keepsStaffPlace) use section 1's kept places. */
export interface Newcomer {
  /** The section of a friend's link, if any. */
  wish?: number;
  staff?: boolean;
  /** Section 1's places kept for staff (0: none). */
  staffReserve?: number;
}

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
export function placeNewcomer(sections: readonly SectionLoad[], wish: number | undefined, maxSections: number, who: Omit<Newcomer, 'wish'> = {}): Placement {
  const roomy = (s: SectionLoad) => s.people < placesFor(s.section, s.capacity, who.staffReserve ?? 0, who.staff ?? false);
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
  others: readonly SectionLoad[], wish: number | undefined, maxSections: number, who: Omit<Newcomer, 'wish'> = {},
): { section: number } | { refusal: string } {
  // Staff asking for section 1 (the moderator console does) open it if it is not open: it holds the stage.
  if (who.staff && wish === 1 && others.length < maxSections && !others.some((s) => s.section === 1)) return { section: 1 };
  const placed = placeNewcomer(others, wish, maxSections, who);
  if (placed.kind === 'open') return { section: placed.section };
  if (placed.kind === 'full') return { refusal: placed.message };
  return { refusal: `Section ${placed.section} of this event has room; enter the event without the section link.` };
}

/** A section number as a join option: a whole number from 1 to `maxSections`, else none. */
export function sectionWish(value: unknown, maxSections: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= maxSections ? value : undefined;
}

/**
 * The numbers a new section may claim, in order: from the one the placement chose, every number
 * up to `maxSections` that no open section has. Two sections opening at once (on two processes)
 * compute the same first number; the claim in presence is atomic, so the loser takes the next.
 */
export function numbersToClaim(others: readonly SectionLoad[], first: number, maxSections: number): number[] {
  const taken = new Set(others.map((s) => s.section));
  const out: number[] = [];
  for (let n = first; n <= maxSections; n++) if (!taken.has(n)) out.push(n);
  return out;
}
