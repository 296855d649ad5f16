import { ClientMessage } from '../../../shared/protocol/messages.js';
import { useHall, type IntentResult } from '../../state/hall.js';

/** Intents whose answers this panel reports. */
const REFS: readonly string[] = [
  ClientMessage.ModerateQuestion, ClientMessage.EventRun, ClientMessage.FloorCall, ClientMessage.FloorEnd,
  ClientMessage.FloorExtend, ClientMessage.Mute, ClientMessage.Ban, ClientMessage.Unban,
];

/** The server's answer to the latest moderation action (its sentence, or why it was refused). */
export function ModerationStatus() {
  const latest = useHall((s) => {
    let best: IntentResult | undefined;
    for (const ref of REFS) {
      const r = s.results[ref];
      if (r && (!best || r.serial > best.serial)) best = r;
    }
    return best;
  });
  return (
    <p className={latest?.ok === false ? 'form-error mod-status' : 'ok mod-status'} role="status">
      {latest?.text ?? ''}
    </p>
  );
}
