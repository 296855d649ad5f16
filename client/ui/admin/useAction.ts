import { useCallback, useState } from 'react';
import { errorMessage } from '../errorMessage.js';

export interface Action {
  /** Run a change; on success `done` is said (politely) and the data reloaded. */
  run: (change: () => Promise<unknown>, done: string) => Promise<boolean>;
  busy: boolean;
  error: string | null;
  status: string | null;
}

/** One section's changes: one at a time, with the server's sentence when refused. */
export function useAction(reload: () => Promise<void>): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const run = useCallback(async (change: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await change();
      setStatus(done);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
      await reload();
    }
  }, [reload]);
  return { run, busy, error, status };
}
