import { callApi, ApiCallError } from '../../shared/protocol/apiClient.js';
import type { VoiceToken } from '../../shared/protocol/api.js';
import { voiceModeOf } from '../../shared/spaces/layout.js';
import { accountToken } from '../net/account.js';
import { currentRoomIds } from '../net/connection.js';
import { guestToken } from '../net/session.js';
import { apiOrigin } from '../net/spaces.js';
import { useUi } from '../state/ui.js';
import { resetVoice, useVoice } from '../state/voice.js';
import { activeVoice, setActiveVoice } from './current.js';
import { loadLivekit } from './livekit.js';
import { forgetMicWish, noteReconnected } from './microphone.js';
import { listenPushToTalk } from './pushToTalk.js';
import { resumeSoundOnGesture, soundContext } from './sound.js';
import { openVoiceRoom, type VoiceLoss } from './voiceRoom.js';
import { updateSubscriptions } from './voiceSubscriptions.js';

/**
 * Voice follows the space connection: once in a space we join its LiveKit room as a listener;
 * a Colyseus reconnect with the same session keeps it; a portal (new room, new session) leaves
 * it and asks for the next room's token. When voice cannot be had (LiveKit down, no voice on
 * this server) we say so and try again, 2 s doubling to 30 s; the world never waits on it.
 */

const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30_000;
/** Voices and the listener move at 20 Hz; who we subscribe to is decided every 5th tick. */
const TICK_MS = 50;
const CHOOSE_EVERY = 5;

interface Target { spaceId: string; roomId: string; sessionId: string }

let targetKey = '';
/** Bumped by every stop, loss and retry: answers to an older attempt are dropped. */
let generation = 0;
let attempt: AbortController | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = RETRY_FIRST_MS;
let ticker: ReturnType<typeof setInterval> | undefined;
let closeRoom: (() => Promise<void>) | null = null;

function requestToken(target: Target, signal: AbortSignal): Promise<VoiceToken> {
  return callApi('voiceToken', { baseUrl: apiOrigin(), token: accountToken() ?? guestToken(), body: target, signal });
}

/** The one place that orders voice's per-tick work: place voices, then (every 250 ms) choose them. */
function startTicking(): void {
  let n = 0;
  ticker = setInterval(() => {
    const v = activeVoice();
    if (!v) return;
    v.mix.place();
    if (n++ % CHOOSE_EVERY === 0) updateSubscriptions(v);
  }, TICK_MS);
}

/** End whatever voice is doing (a room, an attempt, a pending retry); returns the new generation. */
function halt(): number {
  generation++;
  attempt?.abort();
  attempt = null;
  clearTimeout(retryTimer);
  retryTimer = undefined;
  clearInterval(ticker);
  ticker = undefined;
  setActiveVoice(null);
  const closing = closeRoom;
  closeRoom = null;
  if (closing) void closing();
  resetVoice();
  return generation;
}

function retryLater(target: Target): void {
  const gen = halt();
  useVoice.setState({ status: 'unavailable' });
  retryTimer = setTimeout(() => void join(target, gen), retryDelay);
  retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
}

async function join(target: Target, gen: number): Promise<void> {
  if (gen !== generation) return;
  retryTimer = undefined;
  const controller = new AbortController();
  attempt = controller;
  if (useVoice.getState().status !== 'unavailable') useVoice.setState({ status: 'connecting' });
  const onLoss = (why: VoiceLoss) => {
    if (gen !== generation) return;
    // Removed from LiveKit by the server (a removal or ban): the space connection ends too.
    if (why === 'removed') halt();
    else {
      retryDelay = RETRY_FIRST_MS;
      retryLater(target);
    }
  };
  try {
    const ctx = soundContext();
    const [lk, token] = await Promise.all([loadLivekit(), requestToken(target, controller.signal)]);
    if (gen !== generation) return;
    useVoice.setState({ mode: token.mode, identity: token.identity, canPublish: token.canPublish });
    const session = await openVoiceRoom(lk, token, ctx, onLoss);
    if (gen !== generation) {
      await session.close();
      return;
    }
    attempt = null;
    retryDelay = RETRY_FIRST_MS;
    closeRoom = session.close;
    setActiveVoice(session);
    const canPublish = session.room.localParticipant.permissions?.canPublish ?? token.canPublish;
    // Joining (or back after a lost connection) already allowed to speak to a stage space: at
    // the floor mic or on the stage. Say so, as when the grant arrives live; the prompt would
    // otherwise be lost with the connection it was shown on.
    useVoice.setState({ status: 'connected', canPublish, floorOffered: canPublish && token.mode === 'stage' });
    updateSubscriptions(session);
    startTicking();
    noteReconnected(); // back after a lost connection: a visitor who was talking talks again
  } catch (err) {
    if (gen !== generation) return;
    attempt = null;
    // The space's voice is off (or this person may not use it): nothing to retry.
    if (err instanceof ApiCallError && err.code === 'NOT_ALLOWED') {
      halt();
      useVoice.setState({ mode: 'off' });
      return;
    }
    retryLater(target);
  }
}

/** Compare where we are with the voice room we are in (or trying to be in), and follow. */
function follow(): void {
  const ui = useUi.getState();
  // Reconnecting to the same room keeps voice as it is; LiveKit has its own connection.
  if (ui.status === 'reconnecting') return;
  const ids = ui.status === 'connected' && ui.phase === 'world' && ui.layout ? currentRoomIds() : null;
  const key = ids ? `${ui.spaceId}/${ids.roomId}/${ids.sessionId}` : '';
  if (key === targetKey) return;
  const gen = halt();
  targetKey = key;
  forgetMicWish();
  if (!ids || !ui.layout) return;
  if (voiceModeOf(ui.layout) === 'off') {
    useVoice.setState({ mode: 'off' });
    return;
  }
  retryDelay = RETRY_FIRST_MS;
  void join({ spaceId: ui.spaceId, ...ids }, gen);
}

/** Start following the space connection with voice. Returns the cleanup (leaves voice). */
export function followVoice(): () => void {
  const cleanups = [useUi.subscribe(follow), listenPushToTalk(), resumeSoundOnGesture()];
  follow();
  return () => {
    for (const cleanup of cleanups) cleanup();
    targetKey = '';
    halt();
  };
}
