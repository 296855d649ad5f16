/** A raised hand: here (section 0) or in another section of the event. */
export interface RaisedHand { id: string; name: string; hand: number; section: number }

/**
 * Hands up, here and in the event's other sections, in the order they went up (the server
 * numbers them by the millisecond they went up, so sections compare). Someone mirrored here from another
 * section's stage counts once, as theirs.
 */
export function handsInOrder(people: readonly { id: string; name: string; hand: number }[], elsewhere: readonly RaisedHand[] = []): RaisedHand[] {
  const away = new Set(elsewhere.map((h) => h.id));
  const here = people.filter((p) => p.hand > 0 && !away.has(p.id)).map((p) => ({ id: p.id, name: p.name, hand: p.hand, section: 0 }));
  return [...here, ...elsewhere].sort((a, b) => a.hand - b.hand);
}

/** "Bo", or "Bo (section 2)" for a hand raised in another section. */
export function handLabel(h: RaisedHand): string {
  return h.section > 0 ? `${h.name} (section ${h.section})` : h.name;
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1: return `${n}st`;
    case 2: return `${n}nd`;
    case 3: return `${n}rd`;
    default: return `${n}th`;
  }
}
