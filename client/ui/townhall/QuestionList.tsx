import { useState } from 'react';
import { useHall, type HallQuestion } from '../../state/hall.js';
import { QuestionItem } from './QuestionItem.js';

type Order = 'votes' | 'newest';

function sorted(questions: readonly HallQuestion[], order: Order): HallQuestion[] {
  return [...questions].sort((a, b) => (order === 'votes' ? b.votes - a.votes || a.approvedAt - b.approvedAt : b.approvedAt - a.approvedAt));
}

/**
 * The questions everyone may see: the one being answered first, then the open ones by votes or
 * by time, then those already answered. Each can be upvoted (and the vote taken back).
 */
export function QuestionList() {
  const questions = useHall((s) => s.questions);
  const votes = useHall((s) => s.mine?.votes);
  const [order, setOrder] = useState<Order>('votes');
  const voted = new Set(votes ?? []);
  const answering = questions.filter((q) => q.state === 'answering');
  const open = sorted(questions.filter((q) => q.state === 'approved'), order);
  const answered = sorted(questions.filter((q) => q.state === 'answered'), order);

  if (questions.length === 0) {
    return <p className="muted empty">No questions yet. Ask one, or wait for the moderators to approve some.</p>;
  }
  return (
    <div className="question-list">
      <div className="sort" role="group" aria-label="Sort questions">
        <span className="muted">Sort by</span>
        <button type="button" className="small secondary" aria-pressed={order === 'votes'} onClick={() => setOrder('votes')}>Votes</button>
        <button type="button" className="small secondary" aria-pressed={order === 'newest'} onClick={() => setOrder('newest')}>Newest</button>
      </div>
      <ul aria-label="Questions">
        {[...answering, ...open].map((q) => (
          <QuestionItem key={q.id} question={q} voted={voted.has(q.id)} />
        ))}
      </ul>
      {answered.length > 0 && (
        <>
          <h3 className="subhead">Answered</h3>
          <ul aria-label="Answered questions">
            {answered.map((q) => (
              <QuestionItem key={q.id} question={q} voted={voted.has(q.id)} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
