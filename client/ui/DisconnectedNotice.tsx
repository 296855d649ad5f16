import { useEffect, useRef } from 'react';
import { leaveSpace, rejoin } from '../net/connection.js';
import { useUi } from '../state/ui.js';

/** Shown when the connection is gone for good: why, and a way back in. */
export function DisconnectedNotice() {
  const status = useUi((s) => s.status);
  const error = useUi((s) => s.error);
  const button = useRef<HTMLButtonElement>(null);
  const open = status === 'disconnected';
  useEffect(() => {
    if (open) button.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="scrim">
      <section className="panel notice" role="alertdialog" aria-labelledby="disconnected-title" aria-describedby="disconnected-text">
        <h2 id="disconnected-title">Disconnected</h2>
        <p id="disconnected-text">{error ?? 'The connection to the space was lost.'}</p>
        <div className="actions">
          <button ref={button} type="button" onClick={rejoin}>
            Rejoin
          </button>
          <button type="button" className="secondary" onClick={() => void leaveSpace()}>
            Leave
          </button>
        </div>
      </section>
    </div>
  );
}
