import { useEffect } from 'react';
import { dismissToast, useUi } from '../state/ui.js';

const SHOW_MS = 5000;

/** A calm, temporary notice for refusals the server sends. */
export function Toast() {
  const toast = useUi((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => dismissToast(toast.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="panel toast">
          <span>{toast.text}</span>
          <button type="button" className="quiet" onClick={() => dismissToast(toast.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
