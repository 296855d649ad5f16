import type { EventRecord } from '../../../shared/protocol/api.js';
import { formatTime } from '../formatTime.js';

const STATE_LABEL = { approved: 'Open', answering: 'Being answered', answered: 'Answered' } as const;

/** The questions that were made public, most votes first, with their states and times. */
export function QuestionRecord({ questions, dismissed }: { questions: EventRecord['questions']; dismissed: number }) {
  const sorted = [...questions].sort((a, b) => b.votes - a.votes || Date.parse(a.askedAt) - Date.parse(b.askedAt));
  return (
    <section className="panel admin-section" aria-labelledby="record-questions">
      <h2 id="record-questions">Questions</h2>
      <p className="muted">
        {questions.length === 1 ? '1 question was put to the room' : `${questions.length} questions were put to the room`}
        {dismissed > 0 && `; moderators did not take up ${dismissed === 1 ? '1 other' : `${dismissed} others`}`}.
      </p>
      {sorted.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Questions">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Asked by</th>
                <th scope="col" className="number">Votes</th>
                <th scope="col">State</th>
                <th scope="col">Asked</th>
                <th scope="col">Answered</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((q) => (
                <tr key={q.id}>
                  <td className="question-cell">
                    {q.text}
                    {q.originalText !== null && q.originalText !== q.text && <span className="muted original"> (asked as: {q.originalText})</span>}
                  </td>
                  <td>{q.author}</td>
                  <td className="number">{q.votes}</td>
                  <td>{STATE_LABEL[q.state]}</td>
                  <td className="nowrap">{formatTime(q.askedAt)}</td>
                  <td className="nowrap">{formatTime(q.answeredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
