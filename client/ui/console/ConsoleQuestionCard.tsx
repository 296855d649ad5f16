import { Button, Label, Menu, MenuItem, MenuTrigger, Popover, TextArea, TextField } from 'react-aria-components';
import { QUESTION_MAX } from '../../../shared/protocol/townhall.js';
import { moderate } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';
import { shortText, type ConsoleQuestion } from './consoleQuestions.js';
import { useQuestionEdit } from '../townhall/useQuestionEdit.js';

/**
 * One question in the console: its text, asker and votes, and what can be done with it in its
 * state (approve, put on the screen, mark answered, edit, merge into the question it repeats,
 * dismiss). The server checks each move (server/domain/questions.ts).
 */
export function ConsoleQuestionCard({ question: q, targets }: { question: ConsoleQuestion; targets: readonly ConsoleQuestion[] }) {
  const { editing, setEditing, draft, setDraft, problem, save, cancel } = useQuestionEdit(q);
  const editable = q.state === 'pending' || q.state === 'approved';
  // After the end nothing more goes on the stage screen (the server refuses it too).
  const ended = useHall((s) => s.event.state === 'ended');


  return (
    <li className={`console-card state-${q.state}${q.flagged ? ' flagged' : ''}`} data-question-id={q.id} aria-label={shortText(q.text, 120)}>
      <p className="console-meta">
        <strong>{q.author || 'Anonymous'}</strong>
        {q.anonymous && q.state === 'pending' && <span className="muted"> · asked anonymously</span>}
        {q.flagged && <span className="flag"> Flagged</span>}
        {q.state !== 'pending' && <span className="muted"> · {q.votes === 1 ? '1 vote' : `${q.votes} votes`}</span>}
        {q.state === 'answering' && <span className="on-screen"> · on the screen</span>}
      </p>
      {editing ? (
        <div className="edit">
          <TextField value={draft} onChange={setDraft} isInvalid={problem !== null} autoFocus>
            <Label className="visually-hidden">Edit the question</Label>
            <TextArea rows={3} maxLength={QUESTION_MAX * 2} />
          </TextField>
          {problem && <p className="form-error" role="alert">{problem}</p>}
          <div className="button-row">
            {q.state === 'pending' && <Button className="button small" onPress={() => save(true)}>Save and approve</Button>}
            <Button className="button small secondary" onPress={() => save(false)}>Save</Button>
            <Button className="button small secondary" onPress={cancel}>Cancel</Button>
          </div>
        </div>
      ) : (
        <>
          <p className="question-text">{q.text}</p>
          {q.originalText !== null && q.originalText !== q.text && <p className="muted original">Asked as: {q.originalText}</p>}
          <div className="button-row">
            {q.state === 'pending' && <Button className="button small" onPress={() => moderate({ id: q.id, action: 'approve' })}>Approve</Button>}
            {!ended && (q.state === 'approved' || q.state === 'answered') && (
              <Button className="button small" onPress={() => moderate({ id: q.id, action: 'answer' })}>{q.state === 'answered' ? 'Answer again' : 'Answer now'}</Button>
            )}
            {q.state === 'answering' && <Button className="button small" onPress={() => moderate({ id: q.id, action: 'answered' })}>Mark answered</Button>}
            {editable && <Button className="button small secondary" onPress={() => { setDraft(q.text); setEditing(true); }}>Edit</Button>}
            {editable && targets.length > 0 && (
              <MenuTrigger>
                <Button className="button small secondary" aria-label={`Merge “${shortText(q.text, 40)}” into another question`}>Merge…</Button>
                <Popover className="console-popover" placement="bottom start">
                  <Menu className="console-menu" aria-label="Merge into" onAction={(key) => moderate({ id: q.id, action: 'merge', into: String(key) })}>
                    {targets.map((t) => (
                      <MenuItem key={t.id} id={t.id} className="console-menu-item" textValue={t.text}>
                        {shortText(t.text)} <span className="muted">({t.state === 'pending' ? 'waiting' : `${t.votes} votes`})</span>
                      </MenuItem>
                    ))}
                  </Menu>
                </Popover>
              </MenuTrigger>
            )}
            {editable && <Button className="button small secondary" onPress={() => moderate({ id: q.id, action: 'dismiss' })}>Dismiss</Button>}
          </div>
        </>
      )}
    </li>
  );
}
