import { useState } from 'react';
import { QuestionText } from '../../../shared/protocol/townhall.js';
import { moderate } from '../../net/townhall.js';

/**
 * A moderator editing a question (the in-world queue and the console): the draft, its problem in
 * words, and saving it (checked with the same schema the server uses; the original is kept).
 */
export function useQuestionEdit(q: { id: string; text: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(q.text);
  const [problem, setProblem] = useState<string | null>(null);

  const save = (approve: boolean) => {
    const parsed = QuestionText.safeParse(draft);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Please write the question.');
      return;
    }
    moderate({ id: q.id, action: approve ? 'approve' : 'edit', text: parsed.data });
    setProblem(null);
    setEditing(false);
  };
  const cancel = () => {
    setDraft(q.text);
    setEditing(false);
    setProblem(null);
  };
  return { editing, setEditing, draft, setDraft, problem, save, cancel };
}
