import { useVoice, type VoiceStatus as Status } from '../../state/voice.js';

const LABELS: Record<Status, string> = {
  off: 'Voice off',
  connecting: 'Voice connecting…',
  connected: 'Voice connected',
  unavailable: 'Voice unavailable, retrying',
};

/** A dot and a few words for the voice connection; announced politely when it changes. */
export function VoiceStatus() {
  const status = useVoice((s) => s.status);
  return (
    <span className={`badge voice-status badge-voice-${status}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
