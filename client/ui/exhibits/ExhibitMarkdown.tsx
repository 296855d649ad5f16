import Markdown, { type Components } from 'react-markdown';

/**
 * A panel's text as Markdown, rendered inertly: no raw HTML (react-markdown shows it as text;
 * there is no rehype-raw), link addresses pass react-markdown's safe-protocol filter and open in
 * a new tab without giving it this page, and images are not fetched (their alt text is shown).
 * Headings are demoted under the overlay's own title.
 */
const components: Components = {
  // An address the safe-protocol filter emptied (javascript: and the like) is no link at all.
  a: ({ href, title, children }) => (href
    ? <a href={href} title={title} target="_blank" rel="noopener noreferrer">{children}</a>
    : <span>{children}</span>),
  img: ({ alt }) => <span className="md-image">{alt ? `[Image: ${alt}]` : '[Image]'}</span>,
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h4>{children}</h4>,
  h5: ({ children }) => <h4>{children}</h4>,
  h6: ({ children }) => <h4>{children}</h4>,
};

export function ExhibitMarkdown({ text }: { text: string }) {
  return (
    <div className="exhibit-markdown">
      <Markdown components={components}>{text}</Markdown>
    </div>
  );
}
