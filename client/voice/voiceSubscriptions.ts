import type { RemoteTrackPublication } from 'livekit-client';
import { chooseVoices, type HeardVoice } from '../../shared/voice/hearing.js';
import { setVoiceList } from '../state/voice.js';
import { world } from '../state/world.js';
import type { VoiceSession } from './current.js';

/**
 * Subscribe by distance: of every remote microphone, ask LiveKit only for the voices the
 * hearing rules choose (the stage's, and the nearest within range), and let go of the rest.
 */
export function updateSubscriptions({ lk, room, mix }: VoiceSession): void {
  const voices: HeardVoice[] = [];
  const mics = new Map<string, RemoteTrackPublication>();
  const current = new Set<string>();
  for (const participant of room.remoteParticipants.values()) {
    const pub = participant.getTrackPublication(lk.Track.Source.Microphone);
    if (!pub) continue;
    const id = participant.identity;
    mics.set(id, pub);
    if (pub.isDesired) current.add(id);
    const stage = world.speakers.has(id);
    const avatar = world.remotes.get(id);
    // A voice without an avatar here (not arrived yet, or not one of ours) is not placed or heard.
    if (avatar) voices.push({ id, x: avatar.drawn.x, z: avatar.drawn.z, stage });
    else if (stage) voices.push({ id, x: 0, z: 0, stage });
  }
  const listener = world.selfReady ? world.self.drawn : world.self.render;
  const chosen = chooseVoices(listener, voices, current);
  for (const [id, pub] of mics) {
    const want = chosen.has(id);
    if (pub.isDesired !== want) pub.setSubscribed(want);
  }
  setVoiceList('available', [...mics.keys()].sort());
  setVoiceList('subscribed', mix.identities());
}
