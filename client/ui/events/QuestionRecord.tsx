import type { EventRecord } from '../../../shared/protocol/api.js';
import { formatTime } from '../formatTime.js';

type RecordQuestion = EventRecord['questions'][number];

const STATE_LABEL = { approved: 'Open', answering: 'Being answered', answered: 'Answered' } as const;

/** The duplicates merged into each question, and into those, in the order they were asked. */
function mergedUnder(questions: readonly RecordQuestion[]): Map<string, RecordQuestion[]> {
  const direct = new Map<string, RecordQuestion[]>();
  for (const q of questions) if (q.state === 'merged' && q.mergedInto) direct.set(q.mergedInto, [...(direct.get(q.mergedInto) ?? []), q]);
  const all = new Map<string, RecordQuestion[]>();
  const collect = (id: string, seen: Set<string>): RecordQuestion[] => {
    const out: RecordQuestion[] = [];
    for (const d of direct.get(id) ?? []) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      out.push(d, ...collect(d.id, seen));
    }
    return out;
  };
  for (const q of questions) if (q.state !== 'merged') all.set(q.id, collect(q.id, new Set([q.id])));
  return all;
}

function carried(n: number): string {
  return n === 1 ? '1 backer carried over' : `${n} backers carried over`;
}

/**
 * The questions that were made public, most votes first, with their states and times; under
 * each, the duplicates a moderator merged into it (their askers and voters now count for it).
 */
export function QuestionRecord({ questions, dismissed, ended }: { questions: EventRecord['questions']; dismissed: number; ended: boolean }) {
  const shown = questions.filter((q) => q.state !== 'merged');
  const mergedCount = questions.length - shown.length;
  const sorted = [...shown].sort((a, b) => b.votes - a.votes || Date.parse(a.askedAt) - Date.parse(b.askedAt));
  const merged = mergedUnder(questions);
  return (
    <section className="panel admin-section" aria-labelledby="record-questions">
      <h2 id="record-questions">Questions</h2>
      <p className="muted">
        {shown.length === 1 ? '1 question was put to the room' : `${shown.length} questions were put to the room`}
        {mergedCount > 0 && `; ${mergedCount === 1 ? '1 duplicate was' : `${mergedCount} duplicates were`} merged into the question it repeats`}
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
                    {(merged.get(q.id) ?? []).length > 0 && (
                      <ul className="merged-list" aria-label="Merged into this question">
                        {merged.get(q.id)!.map((d) => (
                          <li key={d.id} className="muted">
                            Merged duplicate: “{d.text}” ({d.author}, {formatTime(d.mergedAt)}; {carried(d.votesCarried)})
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{q.author}</td>
                  <td className="number">{q.votes}</td>
                  <td>{q.state === 'merged' ? 'Merged' : q.state === 'answering' && ended ? 'On the stage at the end' : STATE_LABEL[q.state]}</td>
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
