import { vote } from '../../net/townhall.js';
import type { HallQuestion } from '../../state/hall.js';

/** One public question: its text, who asked, its votes and an upvote toggle. */
export function QuestionItem({ question: q, voted }: { question: HallQuestion; voted: boolean }) {
  const answering = q.state === 'answering';
  return (
    <li className={`question ${q.state}`} aria-current={answering ? 'true' : undefined}>
      <button
        type="button"
        className="vote"
        aria-pressed={voted}
        title={voted ? 'Take back your vote' : 'Upvote this question'}
        disabled={q.state === 'answered'}
        onClick={() => vote({ id: q.id, up: !voted })}
      >
        <svg viewBox="0 0 12 8" width="12" height="8" aria-hidden="true">
          <path d="M1 7 L6 1.5 L11 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="visually-hidden">{voted ? 'Upvoted' : 'Upvote'}</span>
        <span className="votes"> {q.votes}</span>
      </button>
      <div className="question-body">
        {answering && <p className="label">Being answered now</p>}
        <p className="question-text">{q.text}</p>
        <p className="question-by muted">{q.author || 'Anonymous'}{q.state === 'answered' ? ' · answered' : ''}</p>
      </div>
    </li>
  );
}
