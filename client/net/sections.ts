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
