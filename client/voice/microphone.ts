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

/** The visitor asked to talk and has not stopped (survives a LiveKit reconnect). */
let wanted = false;

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
  wanted = true;
  useVoice.setState({ mic: 'starting', micNote: null });
  for (let attempt = 1; ; attempt++) {
    try {
      const pub = await v.room.localParticipant.setMicrophoneEnabled(true, s.deviceId ? { deviceId: s.deviceId } : undefined);
      if (activeVoice() !== v) return; // left meanwhile; leaving stopped the track
      noteMicPublished(pub);
      // The right to speak may have gone while the browser was asking.
      if (!v.room.localParticipant.permissions?.canPublish) await turnOffMicrophone();
      return;
    } catch (err) {
      if (activeVoice() !== v) return;
      // A publish in flight when LiveKit's signalling dropped is lost, not refused: once the
      // room is back, try again (twice at most) instead of leaving the visitor silent.
      if (attempt < 3 && isConnectionLoss(err) && (await connectedAgain(v))) continue;
      wanted = false;
      useVoice.setState({ mic: 'off', micNote: describe(err) });
      return;
    }
  }
}

/** A failure of the connection rather than of the microphone or the grant. */
function isConnectionLoss(err: unknown): boolean {
  const name = err instanceof Error ? err.name : '';
  if (/^(NotAllowed|Security|NotFound|Overconstrained|NotReadable)Error$/.test(name)) return false;
  return !(err instanceof Error && /permission/i.test(err.message));
}

/** Waits (up to 20 s) until the room is connected again; false if it is gone for good. */
async function connectedAgain(v: VoiceSession): Promise<boolean> {
  const { ConnectionState, RoomEvent } = v.lk;
  if (v.room.state === ConnectionState.Connected) {
    await new Promise((r) => setTimeout(r, 500)); // let a leave-and-rejoin begin if one is coming
    if (v.room.state === ConnectionState.Connected) return activeVoice() === v;
  }
  if (v.room.state === ConnectionState.Disconnected) return false;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      v.room.off(RoomEvent.Reconnected, onBack).off(RoomEvent.Disconnected, onGone);
      resolve(ok && activeVoice() === v);
    };
    const onBack = () => done(true);
    const onGone = () => done(false);
    const timer = setTimeout(() => done(v.room.state === ConnectionState.Connected), 20_000);
    v.room.on(RoomEvent.Reconnected, onBack).on(RoomEvent.Disconnected, onGone);
  });
}

/** Unpublish and release the microphone. */
export async function turnOffMicrophone(): Promise<void> {
  wanted = false;
  micMeterStop();
  useVoice.setState({ mic: 'off', muted: false, pushToTalk: false });
  const v = activeVoice();
  const track = v && micPublication(v)?.track;
  if (v && track) await v.room.localParticipant.unpublishTrack(track, true).catch(() => undefined);
}

/** Speak now (the floor prompt's and the VR panel's Unmute): turn the microphone on if it is off, or unmute it. */
export function speakNow(): void {
  if (useVoice.getState().mic === 'on') void setMicMuted(false);
  else void turnOnMicrophone();
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

/**
 * LiveKit is back after a drop. A rejoin can lose a microphone that was being published (or
 * one that was live); if the visitor still wants to talk and may, publish it again.
 */
export function noteReconnected(): void {
  const v = activeVoice();
  if (!v || !wanted || micPublication(v)?.track) return;
  if (useVoice.getState().mic === 'on') useVoice.setState({ mic: 'off' });
  if (v.room.localParticipant.permissions?.canPublish) void turnOnMicrophone();
}

/** A new space or room: a wish to talk made in the last one does not follow the visitor. */
export function forgetMicWish(): void {
  wanted = false;
}
