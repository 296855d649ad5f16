import { containsListedWord } from './text.js';

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

/**
 * Whether a display name contains a blocked word (whole words, ignoring case, accents and
 * look-alike forms such as full-width letters), e.g. "Official Host" when "host" is blocked.
 */
export function isBlockedName(name: string, blocklist: readonly string[]): boolean {
  return containsListedWord(name, blocklist);
}
