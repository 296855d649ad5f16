/**
 * Text folding shared by the name blocklist, question flagging and duplicate detection:
 * compatibility forms (full-width letters), accents and case removed.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text after folding: letters and digits only. */
export function wordsOf(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Whether the text contains any listed word (whole words), or is one squashed together. */
export function containsListedWord(text: string, list: readonly string[]): boolean {
  if (list.length === 0) return false;
  const words = wordsOf(text);
  const squashed = words.join('');
  return list.some((listed) => words.includes(listed) || squashed === listed);
}
