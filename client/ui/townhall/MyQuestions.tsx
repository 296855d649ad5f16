import { useHall } from '../../state/hall.js';

/** One's own questions that others cannot see: waiting for a moderator, or not taken up. */
export function MyQuestions() {
  const mine = useHall((s) => s.mine);
  const pending = mine?.pending ?? [];
  const dismissed = mine?.dismissed ?? [];
  if (pending.length === 0 && dismissed.length === 0) {
    return <p className="muted empty">Questions you ask wait here until a moderator approves them.</p>;
  }
  return (
    <div className="my-questions">
      {pending.length > 0 && (
        <>
          <h3 className="subhead">Waiting for a moderator</h3>
          <ul aria-label="Your questions waiting for a moderator">
            {pending.map((q) => (
              <li key={q.id} className="question pending">
                <p className="question-text">{q.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {dismissed.length > 0 && (
        <>
          <h3 className="subhead">Not taken up</h3>
          <ul aria-label="Your questions the moderators did not take up">
            {dismissed.map((q) => (
              <li key={q.id} className="question dismissed">
                <p className="question-text">{q.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
