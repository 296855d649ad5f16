import type { HallQuestion } from '../../state/hall.js';

/**
 * One public question: its text, who asked, its votes and an upvote toggle. The person's own
 * vote shows on the button ("Voted") and, while it travels, as sending.
 */
export function QuestionItem({ question: q, voted, closed = false, sending = false, onVote }: {
  question: HallQuestion;
  voted: boolean;
  /** Voting is over for this question (answered, or the event has ended). */
  closed?: boolean;
  sending?: boolean;
  onVote: (question: HallQuestion, up: boolean) => void;
}) {
  const answering = q.state === 'answering';
  // After the event has ended nothing is being answered: the last one on the stage says so.
  const onStageNow = answering && !closed;
  return (
    <li className={`question ${q.state}`} aria-current={onStageNow ? 'true' : undefined} data-question-id={q.id}>
      <button
        type="button"
        className={voted ? 'vote voted' : 'vote'}
        aria-pressed={voted}
        aria-busy={sending || undefined}
        title={voted ? 'Take back your vote' : 'Upvote this question'}
        disabled={closed || q.state === 'answered'}
        onClick={() => onVote(q, !voted)}
      >
        <svg viewBox="0 0 12 8" width="12" height="8" aria-hidden="true">
          <path d="M1 7 L6 1.5 L11 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="visually-hidden">{voted ? 'Upvoted' : 'Upvote'}</span>
        <span className="votes"> {q.votes}</span>
      </button>
      <div className="question-body">
        {answering && <p className="label">{closed ? 'Last on the stage' : 'Being answered now'}</p>}
        <p className="question-text">{q.text}</p>
        <p className="question-by muted">
          {q.author || 'Anonymous'}{q.state === 'answered' ? ' · answered' : ''}
          {voted && <span className="your-vote"> · ✓ your vote</span>}
        </p>
      </div>
    </li>
  );
}
