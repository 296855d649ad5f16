import { useId, useState, type FormEvent } from 'react';
import { CSV_MAX } from '../../../shared/protocol/consensus.js';
import { importConversation, type ImportRefusal } from '../../net/consensus.js';
import { useConsensus } from '../../state/consensus.js';

const MB = CSV_MAX / 1e6;

/** A chosen file's text, or a refusal when it is over the limit (checked before anything is sent). */
async function read(file: File | undefined, name: string): Promise<string | ImportRefusal> {
  if (!file) return { message: `Choose ${name}.`, problems: [] };
  if (file.size > CSV_MAX) return { message: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; an import takes files of at most ${MB} MB each.`, problems: [] };
  return file.text();
}

/**
 * For a space's staff: import a conversation held elsewhere, in the Pol.is open-data layout
 * (comments.csv, and votes.csv or participants-votes.csv). It replaces the space's question and
 * is shown like any other. Every row the server could not read is listed with its code.
 */
export function ImportConversation({ onDone }: { onDone: () => void }) {
  const [question, setQuestion] = useState('');
  const [comments, setComments] = useState<File>();
  const [votes, setVotes] = useState<File>();
  const [refusal, setRefusal] = useState<ImportRefusal>();
  const busy = useConsensus((s) => s.busy);
  const ids = { question: useId(), comments: useId(), votes: useId(), problems: useId() };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(undefined);
    const [c, v] = await Promise.all([read(comments, 'comments.csv'), read(votes, 'votes.csv or participants-votes.csv')]);
    if (typeof c !== 'string' || typeof v !== 'string') {
      setRefusal(typeof c !== 'string' ? c : v as ImportRefusal);
      return;
    }
    const refused = await importConversation({ question, comments: c, votes: v });
    if (refused) setRefusal(refused);
    else onDone();
  };
  return (
    <form className="panel consensus-panel consensus-ask" onSubmit={(e) => void submit(e)} aria-label="Import a conversation">
      <p className="consensus-progress">
        A conversation held elsewhere, in the Pol.is open-data layout: comments.csv and votes.csv (or participants-votes.csv),
        at most {MB} MB each. It replaces this space's question.
      </p>
      <label htmlFor={ids.question}>Question</label>
      <input id={ids.question} value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} />
      <label htmlFor={ids.comments}>comments.csv</label>
      <input id={ids.comments} type="file" accept=".csv,text/csv" onChange={(e) => setComments(e.target.files?.[0])} />
      <label htmlFor={ids.votes}>votes.csv or participants-votes.csv</label>
      <input id={ids.votes} type="file" accept=".csv,text/csv" onChange={(e) => setVotes(e.target.files?.[0])} />
      {refusal && (
        <div className="form-error" role="alert">
          <p>{refusal.message}</p>
          {refusal.problems.length > 0 && (
            <ul id={ids.problems} className="consensus-problems" aria-label="Rows that could not be read">
              {refusal.problems.map((p) => (
                <li key={`${p.file}:${p.line}:${p.code}:${p.message}`} data-code={p.code}><code>{p.code}</code> {p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="submit" disabled={busy || question.trim().length === 0}>Import</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
