import { isPublishing, useVoice } from '../state/voice.js';
import type { HustingsVoice } from '../testHookTypes.js';
import { activeVoice } from './current.js';
import { noteMicPublished } from './microphone.js';

/** What the test hook reads about voice (client/testHook.ts, test builds only). */

export function voiceProbe(): HustingsVoice {
  const s = useVoice.getState();
  return {
    state: s.status,
    mode: s.mode,
    identity: s.identity,
    canPublish: s.canPublish,
    publishing: isPublishing(s),
    mic: s.mic,
    muted: s.muted,
    micNote: s.micNote,
    subscribed: [...s.subscribed],
    available: [...s.available],
    speaking: [...s.speaking],
  };
}

export async function voiceStats(): Promise<{ bytesReceived: number; packetsReceived: number }> {
  const v = activeVoice();
  return v ? v.mix.received() : { bytesReceived: 0, packetsReceived: 0 };
}

export function voiceSignal(identity: string): { rms: number; peakHz: number } | undefined {
  return activeVoice()?.mix.signal(identity);
}

/**
 * Publish a microphone whatever the UI shows, as a forged client would: LiveKit's own check
 * and the server are the only judges. Resolves with their refusal, or 'published'.
 */
export async function forcePublish(): Promise<string> {
  const v = activeVoice();
  if (!v) return 'voice is not connected';
  const { lk, room } = v;
  if (room.localParticipant.getTrackPublication(lk.Track.Source.Microphone)?.track) return 'published';
  let track: Awaited<ReturnType<typeof lk.createLocalAudioTrack>> | undefined;
  try {
    track = await lk.createLocalAudioTrack();
    const pub = await room.localParticipant.publishTrack(track, { source: lk.Track.Source.Microphone });
    if (activeVoice() === v) noteMicPublished(pub);
    return 'published';
  } catch (err) {
    track?.stop();
    return err instanceof Error ? err.message : String(err);
  }
}
