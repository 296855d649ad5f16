/**
 * Markdown as plain text to draw (the VR reader, the exhibit list): syntax removed, paragraphs
 * and list items kept on lines of their own. The result is drawn as text, never parsed again.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}[-*+][ \t]+/gm, '\u2022 ')
    .replace(/^[ \t]{0,3}(#{1,6}|>)[ \t]+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A short plain-text excerpt of Markdown for the board in the world (the detail overlay shows
 * the real thing): one line, syntax removed.
 */
export function plainExcerpt(markdown: string, max: number): string {
  return clip(plainText(markdown).replace(/\s+/g, ' '), max);
}

/** At most `max` characters, cut at a word where possible, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
