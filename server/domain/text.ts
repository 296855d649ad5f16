/**
 * Text folding shared by the name blocklist, question flagging and duplicate detection:
 * compatibility forms (full-width letters), accents and case removed.
 */
export function fold(text: string): string {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return plain.replace(CONFUSABLE_RE, (ch) => CONFUSABLES[ch] ?? ch);
}

/**
 * Cyrillic and Greek letters that look like Latin ones ("аdmin" with a Cyrillic а), folded to
 * the Latin letter they pass for. Lower case only: folding lower-cases first.
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu');

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
