import { fold } from './text.js';

/**
 * Display names are unique within a space instance: a second "Sam" becomes "Sam (2)".
 * The name has already passed the DisplayName schema (length, no invisible characters).
 */
export function uniqueName(name: string, taken: Iterable<string>, maxLength: number): string {
  const used = new Set(Array.from(taken, (n) => n.toLocaleLowerCase()));
  if (!used.has(name.toLocaleLowerCase())) return name;
  for (let i = 2; i < 10_000; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, maxLength - suffix.length).trimEnd() + suffix;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
  return name;
}

/** Symbols that stand in for letters in a name ("@dmin", "$taff"), read before words are split. */
const SYMBOLS: Record<string, string> = { '@': 'a', $: 's' };
/** Digits written for letters ("Adm1n", "M0derator"); 1 passes for both i and l. */
const DIGITS: Record<string, string[]> = { 0: ['o'], 1: ['i', 'l'], 3: ['e'], 4: ['a'], 5: ['s'], 7: ['t'] };

/** The readings of one folded word with its look-alike digits replaced (one per reading of 1). */
function readings(word: string): string[] {
  if (!/[0-9]/.test(word)) return [word];
  return ['i', 'l'].map((one) => word.replace(/[013457]/g, (d) => (d === '1' ? one : DIGITS[d]![0]!)));
}

/** A word is a listed one, or its plural ("Moderators", "Hosts"). */
function isListed(word: string, list: readonly string[]): boolean {
  return readings(word).some((w) => list.some((listed) => w === listed || w === `${listed}s`));
}

/**
 * Whether a display name contains a blocked word (whole words, ignoring case, accents,
 * look-alike forms such as full-width letters, Cyrillic or Greek letters, digits and symbols
 * written for letters, and plurals), e.g. "Official Host", "Adm1n", "Moderators" when
 * "host", "admin" and "moderator" are blocked; or is one spelt out with separators ("M.O.D").
 */
export function isBlockedName(name: string, blocklist: readonly string[]): boolean {
  if (blocklist.length === 0) return false;
  const words = fold(name.replace(/[@$]/g, (ch) => SYMBOLS[ch]!))
    .split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return words.some((w) => isListed(w, blocklist)) || isListed(words.join(''), blocklist);
}
