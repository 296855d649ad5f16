import { PanelContent, type ContentOf } from '../../../shared/exhibits/exhibit.js';
import { CommitField, problemOf } from './CommitField.js';

const { summary, body, sponsor } = PanelContent.shape;

/** A panel's words: summary, the text in Markdown, and who sponsors it. */
export function PanelFields({ content, onCommit }: { content: ContentOf<'panel'>; onCommit: (change: (c: ContentOf<'panel'>) => ContentOf<'panel'>) => void }) {
  return (
    <>
      <CommitField
        label="Summary"
        multiline
        rows={2}
        value={content.summary}
        validate={(v) => problemOf(summary.safeParse(v))}
        onCommit={(v) => onCommit((c) => ({ ...c, summary: v }))}
        hint="One or two sentences shown first."
      />
      <CommitField
        label="Text"
        className="markdown-field"
        multiline
        rows={8}
        value={content.body}
        validate={(v) => problemOf(body.safeParse(v))}
        onCommit={(v) => onCommit((c) => ({ ...c, body: v }))}
        hint="Markdown: **bold**, _italic_, - lists, [links](https://…), ## headings."
      />
      <CommitField
        label="Sponsor"
        value={content.sponsor}
        validate={(v) => problemOf(sponsor.safeParse(v))}
        onCommit={(v) => onCommit((c) => ({ ...c, sponsor: v }))}
        placeholder="e.g. Published by the Housing Committee"
      />
    </>
  );
}
