import type { Person } from '../../state/ui.js';

/** People with a hand up, in the order they raised it (the server numbers them). */
export function handsInOrder(people: readonly Person[]): Person[] {
  return people.filter((p) => p.hand > 0).sort((a, b) => a.hand - b.hand);
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
