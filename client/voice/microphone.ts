import type { LocalTrackPublication } from 'livekit-client';
import { showToast } from '../state/ui.js';
import { useVoice } from '../state/voice.js';
import { activeVoice, type VoiceSession } from './current.js';
import { loadLivekit } from './livekit.js';
import { micMeterStart, micMeterStop } from './micMeter.js';
import { soundContext } from './sound.js';

/**
 * Our microphone: off until the visitor chooses to talk, then published (LiveKit asks the
 * browser for it); muting keeps it published. It goes off by itself when the server takes
 * the right to speak away.
 */

const NOT_NOW = 'Only the stage and the floor mic are heard here right now.';

function micPublication(v: VoiceSession): LocalTrackPublication | undefined {
  return v.room.localParticipant.getTrackPublication(v.lk.Track.Source.Microphone);
}

function describe(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Your browser did not allow the microphone. Allow it (the icon in the address bar) and try again.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone was found. Plug one in and try again.';
  if (name === 'NotReadableError') return 'The microphone is in use by another program.';
  if (err instanceof Error && /permission/i.test(err.message)) return NOT_NOW;
  return 'The microphone could not be started. Please try again.';
}

/** A publication of ours is now live (from the panel or a forged publish in tests). */
export function noteMicPublished(pub: LocalTrackPublication | undefined): void {
  const track = pub?.track;
  if (!track) return;
  micMeterStart(track.mediaStreamTrack);
  useVoice.setState({ mic: 'on', muted: pub.isMuted, micNote: null, floorOffered: false });
  void refreshDevices();
}

/** Publish the microphone (unmuted): the visitor chose to talk. */
export async function turnOnMicrophone(): Promise<void> {
  const v = activeVoice();
  const s = useVoice.getState();
  if (!v || s.mic !== 'off') return;
  if (!v.room.localParticipant.permissions?.canPublish) {
    useVoice.setState({ micNote: NOT_NOW });
    return;
  }
  soundContext();
  useVoice.setState({ mic: 'starting', micNote: null });
  try {
    const pub = await v.room.localParticipant.setMicrophoneEnabled(true, s.deviceId ? { deviceId: s.deviceId } : undefined);
    if (activeVoice() !== v) return; // left meanwhile; leaving stopped the track
    noteMicPublished(pub);
    // The right to speak may have gone while the browser was asking.
    if (!v.room.localParticipant.permissions?.canPublish) await turnOffMicrophone();
  } catch (err) {
    if (activeVoice() === v) useVoice.setState({ mic: 'off', micNote: describe(err) });
  }
}

/** Unpublish and release the microphone. */
export async function turnOffMicrophone(): Promise<void> {
  micMeterStop();
  useVoice.setState({ mic: 'off', muted: false, pushToTalk: false });
  const v = activeVoice();
  const track = v && micPublication(v)?.track;
  if (v && track) await v.room.localParticipant.unpublishTrack(track, true).catch(() => undefined);
}

/** Mute or unmute our published microphone. */
export async function setMicMuted(muted: boolean): Promise<void> {
  const v = activeVoice();
  const track = v && micPublication(v)?.track;
  if (!track) return;
  useVoice.setState(muted ? { muted } : { muted, floorOffered: false });
  try {
    if (muted) await track.mute();
    else await track.unmute();
  } catch {
    useVoice.setState({ muted: track.isMuted });
  }
}

/** Push to talk: while the key is held a muted microphone speaks. */
export function holdToTalk(held: boolean): void {
  const s = useVoice.getState();
  if (held) {
    if (s.mic !== 'on' || !s.muted || s.pushToTalk) return;
    useVoice.setState({ pushToTalk: true });
    void setMicMuted(false);
  } else if (s.pushToTalk) {
    useVoice.setState({ pushToTalk: false });
    void setMicMuted(true);
  }
}

/** Use another microphone (now, if one is on; otherwise the next time it starts). */
export async function chooseMicrophone(deviceId: string): Promise<void> {
  useVoice.setState({ deviceId });
  const v = activeVoice();
  const pub = v && micPublication(v);
  if (!v || !pub?.track) return;
  try {
    await v.room.switchActiveDevice('audioinput', deviceId);
    if (pub.track) micMeterStart(pub.track.mediaStreamTrack);
  } catch (err) {
    useVoice.setState({ micNote: describe(err) });
  }
}

/** The microphones the browser offers (names appear once the visitor has allowed one). */
export async function refreshDevices(): Promise<void> {
  try {
    const lk = await loadLivekit();
    const list = await lk.Room.getLocalDevices('audioinput', false);
    const devices = list
      .filter((d) => d.deviceId !== '')
      .map((d, i) => ({ id: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
    useVoice.setState({ devices });
  } catch {
    // No device list (no permission yet, or no mediaDevices): the default is still used.
  }
}

/**
 * What LiveKit lets us do changed (the server's live grant). Losing it turns the microphone
 * off; gaining it in a stage space is the floor being given: say so until we unmute.
 */
export function notePublishGrant(canPublish: boolean): void {
  const s = useVoice.getState();
  if (s.canPublish === canPublish) return;
  if (canPublish) {
    useVoice.setState({ canPublish, micNote: null, floorOffered: s.mode === 'stage' && !(s.mic === 'on' && !s.muted) });
    return;
  }
  useVoice.setState({ canPublish, floorOffered: false });
  if (s.mic !== 'off') {
    void turnOffMicrophone();
    showToast(s.mode === 'stage' ? 'Your turn to speak has ended; your microphone is off.' : 'A moderator turned your microphone off.');
  }
}

/** Our microphone publication changed on LiveKit's side (muted by the server, unpublished). */
export function noteMicChanged(): void {
  const v = activeVoice();
  if (!v) return;
  const pub = micPublication(v);
  const s = useVoice.getState();
  if (!pub?.track) {
    if (s.mic === 'on') {
      micMeterStop();
      useVoice.setState({ mic: 'off', muted: false, pushToTalk: false });
    }
    return;
  }
  if (s.mic === 'on' && pub.isMuted !== s.muted && !s.pushToTalk) useVoice.setState({ muted: pub.isMuted });
}
