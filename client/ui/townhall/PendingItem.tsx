import { useId } from 'react';
import { QUESTION_MAX, type QueuedQuestion } from '../../../shared/protocol/townhall.js';
import { moderate } from '../../net/townhall.js';
import { useQuestionEdit } from './useQuestionEdit.js';

/** One waiting question: approve, edit (the original is kept) or dismiss. */
export function PendingItem({ question: q }: { question: QueuedQuestion }) {
  const { editing, setEditing, draft, setDraft, problem, save, cancel } = useQuestionEdit(q);
  const editId = useId();


  return (
    <li className={q.flagged ? 'queued flagged' : 'queued'}>
      <p className="question-by">
        <strong>{q.author}</strong>
        {q.anonymous && <span className="muted"> · asked anonymously</span>}
        {q.flagged && <span className="flag"> Flagged</span>}
      </p>
      {editing ? (
        <div className="edit">
          <label htmlFor={editId} className="visually-hidden">Edit the question</label>
          <textarea id={editId} rows={3} value={draft} maxLength={QUESTION_MAX * 2} onChange={(e) => setDraft(e.target.value)} autoFocus />
          {problem && <p className="form-error" role="alert">{problem}</p>}
          <div className="button-row">
            <button type="button" className="small" onClick={() => save(true)}>Save and approve</button>
            <button type="button" className="small secondary" onClick={() => save(false)}>Save</button>
            <button type="button" className="small secondary" onClick={cancel}>Cancel</button>
          </div>
        </div>
      ) : (
        <>
          <p className="question-text">{q.text}</p>
          {q.originalText !== null && q.originalText !== q.text && <p className="muted original">Asked as: {q.originalText}</p>}
          <div className="button-row">
            <button type="button" className="small" onClick={() => moderate({ id: q.id, action: 'approve' })}>Approve</button>
            <button type="button" className="small secondary" onClick={() => { setDraft(q.text); setEditing(true); }}>Edit</button>
            <button type="button" className="small secondary" onClick={() => moderate({ id: q.id, action: 'dismiss' })}>Dismiss</button>
          </div>
        </>
      )}
    </li>
  );
}
