import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { KIND_LABEL, type Exhibit } from '../../../shared/exhibits/exhibit.js';
import { pathForExhibit, pathForSpace } from '../../route.js';
import { closeExhibit, useExhibits } from '../../state/exhibits.js';
import { CopyLink, hostOf } from '../CopyLink.js';
import { ExhibitContent } from './ExhibitContent.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';

/** Copies the exhibit's link. */
function Share({ spaceId, id }: { spaceId: string; id: string }) {
  return <CopyLink link={`${location.origin}${pathForExhibit(spaceId, id)}`} label="Share" fieldLabel="Link to this exhibit" />;
}

function Dialog({ exhibit, spaceId, draft }: { exhibit: Exhibit; spaceId: string; draft: boolean }) {
  const titleId = useId();
  const dialog = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves into the dialog, and back to where it was when the dialog closes.
  useEffect(() => {
    const before = document.activeElement;
    heading.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
    };
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

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys pressed in here are for the dialog: they do not walk the avatar or reach the editor.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      closeExhibit();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === heading.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const { author, sources } = exhibit.provenance;
  return (
    <div className="scrim exhibit-scrim" onMouseDown={(e) => { if (e.target === e.currentTarget) closeExhibit(); }}>
      <section ref={dialog} className={exhibit.content.kind === 'twin' ? 'panel exhibit-detail wide' : 'panel exhibit-detail'} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <header className="exhibit-head">
          <div>
            <p className="exhibit-kind">
              {KIND_LABEL[exhibit.content.kind]}
              {draft && <span className="draft-badge">Draft</span>}
            </p>
            <h2 id={titleId} ref={heading} tabIndex={-1}>{exhibit.title}</h2>
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
      </section>
    </div>
  );
}

/** The open exhibit's full content, over the world. Escape, the close buttons or a click outside close it. */
export function ExhibitOverlay() {
  const exhibit = useExhibits((s) => (s.openId ? s.shown.find((e) => e.id === s.openId) : undefined));
  const draft = useExhibits((s) => s.shownDraft);
  const spaceId = useExhibits((s) => s.spaceId);
  if (!exhibit) return null;
  return <Dialog key={exhibit.id} exhibit={exhibit} spaceId={spaceId} draft={draft} />;
}
