import { useUi, type ConnectionStatus } from '../state/ui.js';

const LABELS: Record<ConnectionStatus, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
};

/** A dot and a word for the connection; announced politely when it changes. */
export function ConnectionBadge() {
  const status = useUi((s) => s.status);
  return (
    <div className={`badge badge-${status}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {LABELS[status]}
    </div>
  );
}
