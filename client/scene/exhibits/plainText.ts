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
 * A short plain-text excerpt of Markdown for the board in the world and the exhibit list (the
 * detail overlay shows the real thing): one line, syntax and headings removed (a heading run
 * into the sentence after it reads as part of it).
 */
export function plainExcerpt(markdown: string, max: number): string {
  const withoutHeadings = markdown.replace(/^[ \t]{0,3}#{1,6}[ \t]+.*$/gm, '');
  return clip(plainText(withoutHeadings).replace(/\s+/g, ' '), max);
}

/** At most `max` characters, cut at a word where possible, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // No bullet, dash or comma left hanging before the ellipsis.
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s\u2022\u00b7,;:\u2013\u2014-]+$/, '')}…`;
}
