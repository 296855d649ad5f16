import { useId, useState } from 'react';
import { ExhibitText, KIND_LABEL, type Exhibit, type ExhibitContent, type Provenance } from '../../../shared/exhibits/exhibit.js';
import { ClientMessage } from '../../../shared/protocol/messages.js';
import { updateExhibit } from '../../net/editor.js';
import { freshPart, noteSent, useEditor } from '../../state/editor.js';
import { selectExhibit, useExhibits } from '../../state/exhibits.js';
import { useUi } from '../../state/ui.js';
import { useSpaceList } from '../useSpaceList.js';
import { CommitField, problemOf } from './CommitField.js';
import { ContentFields } from './ContentFields.js';
import { draftProblems } from './draftProblems.js';
import { ExhibitActions } from './ExhibitActions.js';
import { ALT_LABEL } from './kindText.js';
import { SourcesEditor } from './SourcesEditor.js';

const { title: TitleSchema, alt: AltSchema } = ExhibitText.shape;
const AuthorSchema = ExhibitText.shape.provenance.shape.author;

const deg = (r: number) => Math.round((r * 180) / Math.PI);

/** Where the exhibit stands, in words a curator can check. */
function placement(e: Exhibit): string {
  const t = e.transform;
  const parts = [`x ${t.x.toFixed(2)} m`, `z ${t.z.toFixed(2)} m`];
  if (t.y > 0) parts.push(`lifted ${t.y.toFixed(2)} m`);
  parts.push(`facing ${deg(t.ry)}°`, `size ${t.scale.toFixed(2)}×`);
  return parts.join(' · ');
}

/**
 * The selected exhibit's fields (HTML, on the right): title, text alternative, the content of
 * its kind, author and sources; what stops it from being published; duplicate and delete.
 * Each field is sent as the curator commits it; the server's refusal shows here.
 */
export function Inspector() {
  const id = useExhibits((s) => s.selectedId);
  const exhibit = useExhibits((s) => s.draft?.find((e) => e.id === s.selectedId));
  if (!id || !exhibit) return null;
  // Keyed by exhibit: half-typed fields never carry over to another one.
  return <InspectorFor key={id} exhibit={exhibit} />;
}

function InspectorFor({ exhibit }: { exhibit: Exhibit }) {
  const { id, content } = exhibit;
  const lock = useExhibits((s) => s.draftMeta[id]);
  const selfId = useUi((s) => s.selfId);
  const result = useEditor((s) => s.results[ClientMessage.ExhibitUpdate]);
  const [since] = useState(() => useEditor.getState().results[ClientMessage.ExhibitUpdate]?.serial ?? 0);
  const spaces = useSpaceList();
  const headingId = useId();
  const problems = draftProblems([exhibit], spaces.map((s) => s.id))[0]?.problems ?? [];
  const lockedByOther = lock && lock.lockedBy !== '' && lock.lockedBy !== selfId;
  const alt = ALT_LABEL[content.kind];

  const sendText = (text: Partial<ExhibitText>) => updateExhibit({ id, text });
  // Changes apply to the freshest content and provenance (a field committed just after another
  // must not send the other's old value back).
  const sendContent = (change: (c: ExhibitContent) => ExhibitContent) => {
    const next = change(freshPart(`${id}:content`, content));
    noteSent(`${id}:content`, next);
    updateExhibit({ id, content: next });
  };
  const sendProvenance = (change: (p: Provenance) => Provenance) => {
    const next = change(freshPart(`${id}:provenance`, exhibit.provenance));
    noteSent(`${id}:provenance`, next);
    sendText({ provenance: next });
  };
  const answer = result && result.serial > since ? result : null;

  return (
    <section className="panel inspector" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{KIND_LABEL[content.kind]}</h2>
        <button type="button" className="quiet" aria-label="Close the inspector" title="Deselect (Esc)" onClick={() => selectExhibit('')}>×</button>
      </div>
      {lockedByOther && <p className="lock-note" role="status">Being moved by {lock.lockedName || 'another curator'}</p>}
      <div className="inspector-fields">
        <CommitField
          label="Title"
          value={exhibit.title}
          validate={(v) => problemOf(TitleSchema.safeParse(v))}
          onCommit={(title) => sendText({ title })}
        />
        <CommitField
          label={alt.label}
          multiline
          rows={3}
          value={exhibit.alt}
          hint={alt.hint}
          validate={(v) => problemOf(AltSchema.safeParse(v))}
          onCommit={(v) => sendText({ alt: v })}
        />
        <ContentFields content={content} onCommit={sendContent} />
        <CommitField
          label="Author"
          value={exhibit.provenance.author}
          placeholder="Who made this exhibit"
          validate={(v) => problemOf(AuthorSchema.safeParse(v))}
          onCommit={(author) => sendProvenance((p) => ({ ...p, author }))}
        />
        <SourcesEditor sources={exhibit.provenance.sources} onCommit={(sources) => sendProvenance((p) => ({ ...p, sources }))} />
      </div>
      {answer && !answer.ok && <p className="form-error" role="alert">Not saved: {answer.text}</p>}
      {answer?.ok && <p className="saved muted" role="status">Saved to the draft.</p>}
      {problems.length > 0 ? (
        <div className="problems" role="status">
          <p className="warn-text">Not ready to publish yet:</p>
          <ul>{problems.map((p) => <li key={p}>{p.charAt(0).toUpperCase() + p.slice(1)}.</li>)}</ul>
        </div>
      ) : (
        <p className="ready-text">Ready to publish.</p>
      )}
      <p className="placement muted">{placement(exhibit)}</p>
      <ExhibitActions id={id} title={exhibit.title} />
    </section>
  );
}
