import { useId } from 'react';
import { isPublishing, useVoice } from '../../state/voice.js';
import { setMicMuted, turnOnMicrophone } from '../../voice/microphone.js';
import { resumeSound } from '../../voice/sound.js';
import { FloorPrompt } from './FloorPrompt.js';
import { MicIcon } from './MicIcon.js';
import { MicPanel } from './MicPanel.js';
import { VoiceStatus } from './VoiceStatus.js';
import './voice.css';

function setOpen(panelOpen: boolean): void {
  useVoice.setState({ panelOpen });
}

/** The visitor chose to talk: the microphone goes on, and its panel opens (mic check, mute). */
function talk(): void {
  setOpen(true);
  void turnOnMicrophone();
}

/**
 * Voice in the HUD's bottom column: its status; "Talk" (or, where only the stage is heard,
 * "Listening only", which explains why); with the microphone on, a quick mute and its panel;
 * the floor prompt; and, only if the browser holds sound back, "Click to turn on sound".
 */
export function VoiceDock() {
  const status = useVoice((s) => s.status);
  const mic = useVoice((s) => s.mic);
  const canPublish = useVoice((s) => s.canPublish);
  const live = useVoice(isPublishing);
  const soundBlocked = useVoice((s) => s.soundBlocked && s.status === 'connected');
  const open = useVoice((s) => s.panelOpen);
  const panelId = useId();

  if (status === 'off') return null;
  const connected = status === 'connected';
  return (
    <div className="voice-dock">
      <FloorPrompt />
      {open && <MicPanel id={panelId} onClose={() => setOpen(false)} />}
      {soundBlocked && (
        <button type="button" className="panel sound-hint" onClick={resumeSound}>Click to turn on sound</button>
      )}
      <div className="panel voice-bar">
        <VoiceStatus />
        {connected && mic === 'on' && (
          <>
            <button type="button" className={live ? 'mic-toggle live' : 'mic-toggle secondary'} onClick={() => void setMicMuted(live)}>
              <MicIcon off={!live} />
              {live ? 'Mute' : 'Unmute'}
            </button>
            <button type="button" className="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
              Microphone
            </button>
          </>
        )}
        {connected && mic !== 'on' && (canPublish || mic === 'starting') && (
          <button type="button" onClick={talk} disabled={mic === 'starting'}>
            <MicIcon />
            {mic === 'starting' ? 'Starting…' : 'Talk'}
          </button>
        )}
        {connected && mic === 'off' && !canPublish && (
          <button type="button" className="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
            <MicIcon off />
            Listening only
          </button>
        )}
      </div>
    </div>
  );
}
