/** The section a link asks for (`?section=2`): a whole number from 1 to 64, else none. */
export function sectionFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('section');
  if (raw === null || !/^[1-9][0-9]?$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= 64 ? n : undefined;
}

/** A link that brings a friend into the same section of the event (the page's own path). */
export function sectionLink(origin: string, pathname: string, section: number): string {
  return `${origin}${pathname}?section=${section}`;
}

/** "Section 2 of 4 · 1,203 attending" while an event has several sections; '' with one. */
export function sectionLine(section: number, sections: number, attending: number): string {
  if (sections <= 1 || section < 1) return '';
  return `Section ${section} of ${Math.max(section, sections)} · ${attending.toLocaleString('en-GB')} attending`;
}

/** Where a visitor was when the server lost their place: their seat (-1: none) and section (0: none). */
export interface FormerPlace { seat: number; section: number }

/**
 * Coming back after the server lost our place (its process stopped): the join options that ask
 * for the seat and section we had. The server gives what is still free; otherwise we arrive as
 * anyone does. A friend's section link still applies when there is no former section.
 */
export function returnOptions(place: FormerPlace | undefined, search: string): { seat?: number; section?: number } {
  const section = place && place.section > 0 ? place.section : sectionFromSearch(search);
  return {
    ...(place && place.seat >= 0 ? { seat: place.seat } : {}),
    ...(section !== undefined ? { section } : {}),
  };
}

/** The section the moderator console joins: section 1, with the stage, where hosts and moderators keep places. */
export const CONSOLE_SECTION = 1;

/**
 * What the console says about where it is, while an event has several sections: '' with one.
 * People in other sections are reached through their section (their hand, or their place on a
 * stage or at a mic there): a removal, mute, ban or floor call is done there and its answer shown.
 */
export function consoleSectionNote(section: number, sections: number): string {
  if (sections <= 1 || section < 1) return '';
  const here = section === CONSOLE_SECTION ? 'This console is in section 1, with the stage.' : `This console is in section ${section} (section 1 was full).`;
  return `${here} Calling, muting, removing or banning someone whose hand is up in another section is done in their section, and its answer is shown here.`;
}
