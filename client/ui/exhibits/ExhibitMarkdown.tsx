import Markdown, { type Components } from 'react-markdown';

/**
 * A panel's text as Markdown, rendered inertly: no raw HTML (react-markdown shows it as text;
 * there is no rehype-raw), link addresses pass react-markdown's safe-protocol filter and open in
 * a new tab without giving it this page, and images are not fetched (their alt text is shown).
 * Headings are demoted under the title they sit under.
 */
function componentsUnder(level: 2 | 3): Components {
  const H = level === 2 ? 'h3' : 'h4';
  const Sub = level === 2 ? 'h4' : 'h5';
  return {
    // An address the safe-protocol filter emptied (javascript: and the like) is no link at all.
    a: ({ href, title, children }) => (href
      ? <a href={href} title={title} target="_blank" rel="noopener noreferrer">{children}</a>
      : <span>{children}</span>),
    img: ({ alt }) => <span className="md-image">{alt ? `[Image: ${alt}]` : '[Image]'}</span>,
    h1: ({ children }) => <H>{children}</H>,
    h2: ({ children }) => <H>{children}</H>,
    h3: ({ children }) => <Sub>{children}</Sub>,
    h4: ({ children }) => <Sub>{children}</Sub>,
    h5: ({ children }) => <Sub>{children}</Sub>,
    h6: ({ children }) => <Sub>{children}</Sub>,
  };
}
const UNDER = { 2: componentsUnder(2), 3: componentsUnder(3) } as const;

/** `under`: the level of the heading the text sits under (the overlay's title is an h2, the accessible view's an h3). */
export function ExhibitMarkdown({ text, under = 2 }: { text: string; under?: 2 | 3 }) {
  return (
    <div className="exhibit-markdown">
      <Markdown components={UNDER[under]}>{text}</Markdown>
    </div>
  );
}
