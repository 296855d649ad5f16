import { useHoldsFloor } from '../../state/hall.js';
import { useVoice } from '../../state/voice.js';
import { speakNow } from '../../voice/microphone.js';

/** When the server has just let us speak to a stage space: say so, and offer to unmute. */
export function FloorPrompt() {
  const offered = useVoice((s) => s.floorOffered);
  const holdsFloor = useHoldsFloor();
  if (!offered) return null;
  return (
    <div className="panel floor-prompt" role="alert">
      <p>{holdsFloor ? 'You have the floor — unmute to speak' : 'You are on the stage — unmute to speak'}</p>
      <div className="button-row">
        <button type="button" className="warn" onClick={speakNow}>Unmute</button>
        <button type="button" className="secondary" onClick={() => useVoice.setState({ floorOffered: false })}>Not now</button>
      </div>
    </div>
  );
}
