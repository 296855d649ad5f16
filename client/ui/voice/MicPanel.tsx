import { useEffect, useId } from 'react';
import { useVoice } from '../../state/voice.js';
import { chooseMicrophone, refreshDevices, setMicMuted, turnOffMicrophone, turnOnMicrophone } from '../../voice/microphone.js';
import { LevelMeter } from './LevelMeter.js';

const STAGE_ONLY = 'Only the stage and the floor mic are heard here. Raise your hand to ask for the floor.';

/**
 * The microphone panel: why one cannot talk here, or turning the microphone on, checking it
 * (level meter, device), muting it, and the push-to-talk key.
 */
export function MicPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const status = useVoice((s) => s.status);
  const mode = useVoice((s) => s.mode);
  const canPublish = useVoice((s) => s.canPublish);
  const mic = useVoice((s) => s.mic);
  const muted = useVoice((s) => s.muted);
  const pushToTalk = useVoice((s) => s.pushToTalk);
  const note = useVoice((s) => s.micNote);
  const devices = useVoice((s) => s.devices);
  const deviceId = useVoice((s) => s.deviceId);
  const titleId = useId();
  const deviceField = useId();

  useEffect(() => {
    void refreshDevices();
  }, []);

  let body;
  if (status !== 'connected') {
    body = <p>{status === 'unavailable' ? 'Voice is unavailable right now. We keep trying; everything else works as usual.' : 'Connecting to voice…'}</p>;
  } else if (!canPublish && mic === 'off') {
    body = <p>{mode === 'stage' ? STAGE_ONLY : 'You cannot talk here right now.'}</p>;
  } else if (mic !== 'on') {
    body = (
      <>
        <p>{mode === 'stage' ? 'Everyone in the hall will hear you.' : 'People near you will hear you; the further away, the quieter.'}</p>
        <button type="button" onClick={() => void turnOnMicrophone()} disabled={mic === 'starting'}>
          {mic === 'starting' ? 'Starting…' : 'Turn on microphone'}
        </button>
      </>
    );
  } else {
    body = (
      <>
        <LevelMeter />
        {devices.length > 1 && (
          <div className="field">
            <label htmlFor={deviceField}>Microphone</label>
            <select id={deviceField} value={deviceId || devices[0]?.id} onChange={(e) => void chooseMicrophone(e.target.value)}>
              {devices.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
            </select>
          </div>
        )}
        <div className="button-row">
          <button type="button" className={muted ? undefined : 'secondary'} onClick={() => void setMicMuted(!muted)}>
            {muted ? 'Unmute' : 'Mute'}
          </button>
          <button type="button" className="secondary" onClick={() => void turnOffMicrophone()}>Turn off</button>
        </div>
        <p className="hint">{pushToTalk ? 'Talking while V is held…' : muted ? 'Muted. Hold V to talk.' : 'You are live. Mute when you are done.'}</p>
      </>
    );
  }

  return (
    <section id={id} className="panel mic-panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>Your microphone</h2>
        <button type="button" className="quiet" aria-label="Close" onClick={onClose}>×</button>
      </div>
      {body}
      {note && <p className="mic-note" role="status">{note}</p>}
    </section>
  );
}
