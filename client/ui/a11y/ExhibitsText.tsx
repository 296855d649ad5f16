import { useId } from 'react';
import { KIND_LABEL, textAlternative, type Exhibit } from '../../../shared/exhibits/exhibit.js';
import { activateExhibit, useExhibits } from '../../state/exhibits.js';
import { PanelText } from '../exhibits/ExhibitContent.js';
import { useSpaces } from '../../state/spaces.js';

function useSpaceName(id: string): string {
  return useSpaces((s) => {
    const entry = id ? s.entries[id] : undefined;
    return entry?.status === 'ready' ? entry.layout.name : id;
  });
}

function ExhibitText({ exhibit, position, total }: { exhibit: Exhibit; position: number; total: number }) {
  const titleId = useId();
  const text = textAlternative(exhibit);
  const { author, sources } = exhibit.provenance;
  const to = exhibit.content.kind === 'portal' ? exhibit.content.to : '';
  const destination = useSpaceName(to);
  return (
    <li>
      <article className="a11y-exhibit" aria-labelledby={titleId}>
        <h3 id={titleId}>{exhibit.title}</h3>
        <p className="muted">
          {KIND_LABEL[exhibit.content.kind]} · {position} of {total}
          {author && <> · By {author}</>}
        </p>
        {exhibit.content.kind === 'panel'
          ? <PanelText content={exhibit.content} under={3} />
          : text && <p className="plain">{text}</p>}
        {sources.length > 0 && (
          <ul className="a11y-sources" aria-label={`Sources for ${exhibit.title}`}>
            {sources.map((s, i) => (
              <li key={i}><a href={s.url} target="_blank" rel="noopener noreferrer">{s.title}</a></li>
            ))}
          </ul>
        )}
        <p>
          <button type="button" className="secondary" onClick={() => activateExhibit(exhibit.id)}>
            {to ? `Go to ${destination}` : exhibit.content.kind === 'twin' ? `Open ${exhibit.title} and its levers` : `Open ${exhibit.title}`}
          </button>
        </p>
      </article>
    </li>
  );
}

/**
 * Every exhibit of the space as text, in tour order: title, kind, author, the full text
 * (the same text alternative the curator's data gives the 3D view), sources, and a button to
 * open it (its detail dialog: images, video with captions, charts as tables, twin levers).
 */
export function ExhibitsText() {
  const shown = useExhibits((s) => s.shown);
  const failed = useExhibits((s) => (s.load === 'failed' ? s.loadError : null));
  const headingId = useId();
  return (
    <section id="a11y-exhibits" className="a11y-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Exhibits <span className="count">{shown.length}</span></h2>
      {failed && <p className="form-error">{failed}</p>}
      {shown.length === 0 && !failed && <p className="muted">There are no exhibits in this space.</p>}
      <ol className="a11y-exhibits">
        {shown.map((e, i) => <ExhibitText key={e.id} exhibit={e} position={i + 1} total={shown.length} />)}
      </ol>
    </section>
  );
}
