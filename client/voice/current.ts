import type { Room } from 'livekit-client';
import type { VoiceToken } from '../../shared/protocol/api.js';
import type { Livekit } from './livekit.js';
import type { VoiceMix } from './voiceMix.js';

/** The LiveKit room we are in now, with the loaded library and its mix. */
export interface VoiceSession {
  lk: Livekit;
  room: Room;
  mix: VoiceMix;
  token: VoiceToken;
}

let session: VoiceSession | null = null;

export function activeVoice(): VoiceSession | null {
  return session;
}

export function setActiveVoice(next: VoiceSession | null): void {
  session = next;
}
