import { useId } from 'react';
import { KIND_LABEL, textAlternative, type Exhibit } from '../../../shared/exhibits/exhibit.js';
import { plainExcerpt } from '../../scene/exhibits/plainText.js';
import { faceExhibit, openExhibit, setListOpen, useExhibits } from '../../state/exhibits.js';

function Item({ exhibit }: { exhibit: Exhibit }) {
  // A line or two of the text (without its Markdown); the whole of it is one click away.
  const alt = plainExcerpt(textAlternative(exhibit), 240);
  const { author, sources } = exhibit.provenance;
  return (
    <li className="exhibit-item">
      <button
        type="button"
        className="link exhibit-item-title"
        onClick={() => {
          faceExhibit(exhibit);
          openExhibit(exhibit.id);
        }}
      >
        {exhibit.title}
      </button>
      <span className="exhibit-item-kind">{KIND_LABEL[exhibit.content.kind]}</span>
      {alt && <p className="exhibit-item-alt">{alt}</p>}
      {(author || sources.length > 0) && (
        <p className="exhibit-item-provenance">
          {author && <>By {author}</>}
          {author && sources.length > 0 && ' · '}
          {sources.length > 0 && (
            <>
              {sources.length === 1 ? 'Source: ' : 'Sources: '}
              {sources.map((s, i) => (
                <span key={i}>
                  {i > 0 && ', '}
                  <a href={s.url} target="_blank" rel="noopener noreferrer">{s.title}</a>
                </span>
              ))}
            </>
          )}
        </p>
      )}
    </li>
  );
}

/**
 * Every exhibit in this space as a plain list, from the data alone (title, kind, text
 * alternative, provenance), in tour order; each opens the exhibit's detail.
 */
export function ExhibitList({ id }: { id: string }) {
  const shown = useExhibits((s) => s.shown);
  const draft = useExhibits((s) => s.shownDraft);
  const failed = useExhibits((s) => (s.load === 'failed' ? s.loadError : null));
  const headingId = useId();
  return (
    <section id={id} className="panel exhibit-list" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>
          {draft ? 'Exhibits (draft)' : 'Exhibits here'} <span className="count">{shown.length}</span>
        </h2>
        <button type="button" className="small secondary" onClick={() => setListOpen(false)}>Close</button>
      </div>
      {failed && <p className="form-error">{failed}</p>}
      {shown.length === 0 && !failed && <p className="empty muted">There are no exhibits in this space yet.</p>}
      <ol>
        {shown.map((e) => <Item key={e.id} exhibit={e} />)}
      </ol>
    </section>
  );
}
