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
