import { useEffect, useRef } from 'react';
import { Heading } from 'react-aria-components';
import { KIND_LABEL, type Exhibit } from '../../../shared/exhibits/exhibit.js';
import { pathForExhibit, pathForSpace } from '../../route.js';
import { closeExhibit } from '../../state/exhibits.js';
import { CopyLink, hostOf } from '../CopyLink.js';
import { WorldDialog } from '../WorldDialog.js';
import { ExhibitContent } from './ExhibitContent.js';

/** Copies the exhibit's link. */
function Share({ spaceId, id }: { spaceId: string; id: string }) {
  return <CopyLink link={`${location.origin}${pathForExhibit(spaceId, id)}`} label="Share" fieldLabel="Link to this exhibit" />;
}

/** The open exhibit in a modal dialog: its content, sources and a link to share. */
export function ExhibitDialog({ exhibit, spaceId, draft }: { exhibit: Exhibit; spaceId: string; draft: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const wide = exhibit.content.kind === 'twin';

  // Focus starts on the title, so a screen reader reads it first (the dialog gives focus back when it closes).
  useEffect(() => {
    heading.current?.focus();
  }, []);

  // The address names the open exhibit (a reload or a copied address comes back to it).
  useEffect(() => {
    if (!spaceId) return undefined;
    const path = pathForExhibit(spaceId, exhibit.id);
    if (location.pathname !== path) history.replaceState(history.state, '', path);
    return () => {
      if (location.pathname === path) history.replaceState(history.state, '', pathForSpace(spaceId));
    };
  }, [spaceId, exhibit.id]);

  const { author, sources } = exhibit.provenance;
  return (
    <WorldDialog
      onClose={closeExhibit}
      overlayClassName="scrim exhibit-scrim"
      modalClassName={wide ? 'exhibit-modal wide' : 'exhibit-modal'}
      className={wide ? 'panel exhibit-detail wide' : 'panel exhibit-detail'}
    >
      <header className="exhibit-head">
        <div>
          <p className="exhibit-kind">
            {KIND_LABEL[exhibit.content.kind]}
            {draft && <span className="draft-badge">Draft</span>}
          </p>
          <Heading slot="title" level={2} ref={heading} tabIndex={-1}>{exhibit.title}</Heading>
          {author && <p className="exhibit-author">By {author}</p>}
        </div>
        <button type="button" className="quiet" aria-label="Close" onClick={closeExhibit}>×</button>
      </header>
      <div className="exhibit-body">
        <ExhibitContent exhibit={exhibit} onLeave={closeExhibit} />
        {sources.length > 0 && (
          <section className="exhibit-sources" aria-label="Sources">
            <h3>Sources</h3>
            <ul>
              {sources.map((s, i) => (
                <li key={i}>
                  <a href={s.url} target="_blank" rel="noopener noreferrer">{s.title}</a>
                  {hostOf(s.url) && <span className="muted"> · {hostOf(s.url)}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <footer className="exhibit-foot">
        {!draft && exhibit.content.kind !== 'twin' && <Share spaceId={spaceId} id={exhibit.id} />}
        <button type="button" onClick={closeExhibit}>Close</button>
      </footer>
    </WorldDialog>
  );
}
