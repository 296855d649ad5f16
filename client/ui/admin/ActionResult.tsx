import type { Action } from './useAction.js';

/** What became of a section's last change: the server's refusal, or a short confirmation. */
export function ActionResult({ action }: { action: Action }) {
  return (
    <>
      {action.error && <p className="form-error" role="alert">{action.error}</p>}
      <p className="ok" role="status">{action.status ?? ''}</p>
    </>
  );
}
