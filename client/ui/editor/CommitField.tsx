import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/** Typing pauses this long (ms) before a change is sent. */
export const COMMIT_AFTER_MS = 600;

export interface CommitFieldProps {
  label: string;
  /** The stored value (the draft in the room state). */
  value: string;
  /** Send a changed, valid value. */
  onCommit: (value: string) => void;
  /** What is wrong with a value (the same zod schema the server uses), or null. */
  validate?: (value: string) => string | null;
  multiline?: boolean;
  rows?: number;
  hint?: string;
  placeholder?: string;
  className?: string;
}

/**
 * A labelled input or textarea for one field of the draft. It shows the stored value until
 * someone types; a change is checked as typed, and sent when the field is left, on Enter (single
 * line), or after a pause. Escape puts the stored value back. Changes from other curators show
 * whenever this field is not being edited.
 */
export function CommitField({ label, value, onCommit, validate, multiline, rows, hint, placeholder, className }: CommitFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [draft, setDraftState] = useState<string | null>(null);
  // Mirrored in a ref: Escape clears it and blurs at once, before a re-render.
  const draftRef = useRef<string | null>(null);
  const setDraft = (text: string | null) => {
    draftRef.current = text;
    setDraftState(text);
  };
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Typed and valid but not yet sent (waiting for the pause). */
  const pending = useRef<string | null>(null);
  const latest = useRef({ value, onCommit, validate });
  latest.current = { value, onCommit, validate };

  // The stored value moved on (our own change arrived, or someone else's): show it unless typing.
  useEffect(() => {
    if (!focused.current) {
      setDraft(null);
      setError(null);
    }
  }, [value]);

  const commit = (text: string): boolean => {
    clearTimeout(timer.current);
    pending.current = null;
    const { value: stored, onCommit: send, validate: check } = latest.current;
    const problem = check?.(text) ?? null;
    setError(problem);
    if (problem) return false;
    if (text !== stored) send(text);
    return true;
  };

  const change = (text: string) => {
    setDraft(text);
    const problem = latest.current.validate?.(text) ?? null;
    setError(problem);
    clearTimeout(timer.current);
    pending.current = problem ? null : text;
    if (!problem) timer.current = setTimeout(() => commit(text), COMMIT_AFTER_MS);
  };

  // Going away (another exhibit selected, edit mode left) sends what was typed and not yet sent.
  const flush = useRef(() => undefined as unknown);
  flush.current = () => pending.current !== null && commit(pending.current);
  useEffect(() => () => void flush.current(), []);

  const blur = () => {
    focused.current = false;
    const text = draftRef.current;
    if (text === null) return;
    // Unchanged (or only in its outer spaces, which the server trims): show the stored value again.
    if (commit(text) && text.trim() === latest.current.value.trim()) setDraft(null);
  };

  const key = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      clearTimeout(timer.current);
      pending.current = null;
      setDraft(null);
      setError(null);
      e.currentTarget.blur();
      e.stopPropagation();
    } else if (e.key === 'Enter' && !multiline && draftRef.current !== null) {
      commit(draftRef.current);
    }
  };

  const shown = draft ?? value;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: shown,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: blur,
    onKeyDown: key,
  } as const;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {multiline
        ? <textarea {...common} rows={rows ?? 3} onChange={(e) => change(e.target.value)} />
        : <input {...common} type="text" onChange={(e) => change(e.target.value)} />}
      {hint && <p id={hintId} className="hint">{hint}</p>}
      {error && <p id={errorId} className="form-error">{error}</p>}
    </div>
  );
}

/** The first message of a failed zod parse, or null. */
export function problemOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  if (result.success) return null;
  return result.error?.issues[0]?.message ?? 'That value is not allowed here.';
}
