import { useEffect, useId, useRef } from 'react';
import { requestEditMode } from '../../net/editor.js';
import { useEditor } from '../../state/editor.js';
import { useExhibits } from '../../state/exhibits.js';
import { useAllows } from '../townhall/useAllows.js';
import { HistoryPanel } from './HistoryPanel.js';
import { Palette } from './Palette.js';
import { PublishPanel } from './PublishPanel.js';
import { ToolBar } from './ToolBar.js';
import { UndoRedo } from './UndoRedo.js';

/**
 * The curator's panel in edit mode: what they are editing (the draft, not what visitors see)
 * and whether it has unpublished changes, the palette, the tools, undo/redo, publishing and
 * the version history.
 */
export function EditorPanel() {
  const dirty = useExhibits((s) => s.draftDirty);
  const received = useExhibits((s) => s.draft !== null);
  const count = useExhibits((s) => s.draft?.length ?? 0);
  const panel = useEditor((s) => s.panel);
  const canPublish = useAllows('exhibits.publish');
  const canHistory = useAllows('exhibits.history');
  const headingId = useId();
  const opened = useRef<HTMLDivElement>(null);
  // A panel opened below the fold of the column comes into view.
  useEffect(() => {
    if (panel !== 'none') opened.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [panel]);
  const toggle = (which: 'publish' | 'history') => useEditor.setState({ panel: panel === which ? 'none' : which });
  return (
    <section className="panel editor" aria-labelledby={headingId}>
      <div className="editor-banner">
        <div>
          <h2 id={headingId}>Editing the draft</h2>
          <p className="hint">Visitors see the published version until you publish.</p>
        </div>
        <button type="button" className="small secondary" onClick={() => requestEditMode(false)}>Done</button>
      </div>
      <p className={dirty ? 'draft-state dirty' : 'draft-state'} role="status">
        <span className="dot" aria-hidden="true" />
        {!received
          ? 'Loading the draft…'
          : dirty
            ? `Unpublished changes · ${count === 1 ? '1 exhibit' : `${count} exhibits`} in the draft`
            : `Same as the published version · ${count === 1 ? '1 exhibit' : `${count} exhibits`}`}
      </p>
      <Palette />
      <ToolBar />
      <UndoRedo />
      <div className="button-row editor-actions">
        {canPublish && (
          <button type="button" className={panel === 'publish' ? 'small' : 'small secondary'} aria-expanded={panel === 'publish'} onClick={() => toggle('publish')}>
            Publish…
          </button>
        )}
        {canHistory && (
          <button type="button" className="small secondary" aria-expanded={panel === 'history'} onClick={() => toggle('history')}>
            History
          </button>
        )}
      </div>
      <div ref={opened} className="editor-opened">
        {panel === 'publish' && canPublish && <PublishPanel />}
        {panel === 'history' && canHistory && <HistoryPanel />}
      </div>
    </section>
  );
}
