import { moderate } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';

/** The public questions, most votes first: put one on the screen, or mark the current one answered. */
export function ApprovedQuestions() {
  const questions = useHall((s) => s.questions);
  const open = questions.filter((q) => q.state !== 'answered').sort((a, b) => {
    if (a.state !== b.state) return a.state === 'answering' ? -1 : 1;
    return b.votes - a.votes || a.approvedAt - b.approvedAt;
  });
  return (
    <div className="mod-section" role="group" aria-label="Approved questions">
      <h3>Approved <span className="count">{open.length}</span></h3>
      {open.length === 0 ? (
        <p className="muted">Approved questions appear here.</p>
      ) : (
        <ul className="queue" aria-label="Approved questions">
          {open.map((q) => (
            <li key={q.id} className={q.state === 'answering' ? 'queued answering' : 'queued'}>
              <p className="question-text">{q.text}</p>
              <p className="question-by muted">
                {q.author || 'Anonymous'} · {q.votes === 1 ? '1 vote' : `${q.votes} votes`}
                {q.state === 'answering' && ' · on the screen'}
              </p>
              <div className="button-row">
                {q.state === 'answering' ? (
                  <button type="button" className="small" onClick={() => moderate({ id: q.id, action: 'answered' })}>Mark answered</button>
                ) : (
                  <button type="button" className="small" onClick={() => moderate({ id: q.id, action: 'answer' })}>Answer now</button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
