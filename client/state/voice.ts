import { create } from 'zustand';
import type { VoiceMode } from '../../shared/spaces/layout.js';

/** Where voice stands: 'unavailable' means LiveKit could not be reached and we keep trying. */
export type VoiceStatus = 'off' | 'connecting' | 'connected' | 'unavailable';

/** 'starting' while the browser is asked for the microphone; 'on' once it is published. */
export type MicState = 'off' | 'starting' | 'on';

export interface MicDevice { id: string; label: string }

/**
 * Reactive voice state for the overlays, the people list and the test hook: written by
 * client/voice, never per frame. Identities are avatar session ids.
 */
export interface VoiceView {
  status: VoiceStatus;
  /** The space's voice mode from the token ('' before one was issued). */
  mode: VoiceMode | '';
  identity: string;
  /** What LiveKit allows us now (the server changes it live). */
  canPublish: boolean;
  mic: MicState;
  /** Our published microphone is muted (a held push-to-talk key unmutes it). */
  muted: boolean;
  /** Unmuted only while the push-to-talk key is held. */
  pushToTalk: boolean;
  /** Why the microphone could not start or was turned off, as a sentence; null when fine. */
  micNote: string | null;
  devices: MicDevice[];
  /** The microphone chosen in the picker ('' for the browser's default). */
  deviceId: string;
  /** LiveKit's active speakers, ours included. */
  speaking: string[];
  subscribed: string[];
  available: string[];
  /** The browser holds sound back until the visitor clicks or presses a key. */
  soundBlocked: boolean;
  /** The server just let us speak in a stage space: say so until we unmute or dismiss it. */
  floorOffered: boolean;
  /** The microphone panel is open. */
  panelOpen: boolean;
}

export const useVoice = create<VoiceView>(() => ({
  status: 'off',
  mode: '',
  identity: '',
  canPublish: false,
  mic: 'off',
  muted: false,
  pushToTalk: false,
  micNote: null,
  devices: [],
  deviceId: '',
  speaking: [],
  subscribed: [],
  available: [],
  soundBlocked: false,
  floorOffered: false,
  panelOpen: false,
}));

/** Our microphone is published and not muted. */
export function isPublishing(s: Pick<VoiceView, 'mic' | 'muted'>): boolean {
  return s.mic === 'on' && !s.muted;
}

/** Forget the last voice room (leaving a space, or before joining the next one's). */
export function resetVoice(): void {
  useVoice.setState({
    status: 'off', mode: '', identity: '', canPublish: false, mic: 'off', muted: false, pushToTalk: false,
    micNote: null, speaking: [], subscribed: [], available: [], floorOffered: false,
  });
}

/** Set a list only when it changed, so selectors do not re-render for an equal copy. */
export function setVoiceList(key: 'speaking' | 'subscribed' | 'available', next: string[]): void {
  const before = useVoice.getState()[key];
  if (before.length === next.length && before.every((id, i) => id === next[i])) return;
  useVoice.setState({ [key]: next });
}
