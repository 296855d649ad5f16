import type { DisconnectReason, Participant, RemoteAudioTrack, RemoteParticipant, RemoteTrack, RemoteTrackPublication } from 'livekit-client';
import type { VoiceToken } from '../../shared/protocol/api.js';
import { apiOrigin } from '../net/spaces.js';
import { setVoiceList, useVoice } from '../state/voice.js';
import type { VoiceSession } from './current.js';
import type { Livekit } from './livekit.js';
import { noteMicChanged, notePublishGrant, noteReconnected, refreshDevices } from './microphone.js';
import { VoiceMix } from './voiceMix.js';

/** Why a voice room ended without us leaving it: removed by the server, or lost. */
export type VoiceLoss = 'removed' | 'lost';

/** Where to reach LiveKit: the token's URL, or this site's own `/livekit` (the embedded one). */
export function livekitUrl(token: VoiceToken): string {
  if (token.url) return token.url;
  const origin = apiOrigin() || location.origin;
  return `${origin.replace(/^http/, 'ws')}/livekit`;
}

/**
 * Join one LiveKit room as a listener: nothing is subscribed until the hearing rules ask for
 * it, nothing is published until the visitor chooses to talk. Remote audio plays through our
 * AudioContext (webAudioMix), so each voice can have its own panner. Resolves once connected;
 * `onLoss` is called if the room ends without `close()`.
 */
export async function openVoiceRoom(lk: Livekit, token: VoiceToken, ctx: AudioContext, onLoss: (why: VoiceLoss) => void): Promise<VoiceSession & { close: () => Promise<void> }> {
  const { Room, RoomEvent, Track, DisconnectReason: Reason } = lk;
  const room = new Room({
    adaptiveStream: false,
    dynacast: false,
    webAudioMix: { audioContext: ctx },
    audioCaptureDefaults: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  const mix = new VoiceMix(ctx);
  let closing = false;

  const isMic = (pub: RemoteTrackPublication) => pub.source === Track.Source.Microphone;
  const onSubscribed = (track: RemoteTrack, pub: RemoteTrackPublication, who: RemoteParticipant) => {
    if (isMic(pub) && track.kind === Track.Kind.Audio) mix.add(who.identity, track as RemoteAudioTrack);
  };
  const onUnsubscribed = (track: RemoteTrack, pub: RemoteTrackPublication, who: RemoteParticipant) => {
    if (isMic(pub)) mix.remove(who.identity, track as RemoteAudioTrack);
  };
  const onSpeakers = (speakers: Participant[]) => {
    setVoiceList('speaking', speakers.map((p) => p.identity).sort());
  };
  const onPermissions = (_before: unknown, who: Participant) => {
    if (who === room.localParticipant) notePublishGrant(room.localParticipant.permissions?.canPublish ?? false);
  };
  const onLocalMute = (_pub: unknown, who: Participant) => {
    if (who === room.localParticipant) noteMicChanged();
  };
  const onDevices = () => void refreshDevices();
  const onActiveDevice = (kind: MediaDeviceKind, deviceId: string) => {
    if (kind === 'audioinput') useVoice.setState({ deviceId });
  };
  const onReconnecting = () => useVoice.setState({ status: 'connecting' });
  const onReconnected = () => {
    useVoice.setState({ status: 'connected' });
    noteReconnected();
  };
  const onDisconnected = (reason?: DisconnectReason) => {
    if (closing) return;
    mix.clear();
    onLoss(reason === Reason.PARTICIPANT_REMOVED ? 'removed' : 'lost');
  };

  room
    .on(RoomEvent.TrackSubscribed, onSubscribed)
    .on(RoomEvent.TrackUnsubscribed, onUnsubscribed)
    .on(RoomEvent.ActiveSpeakersChanged, onSpeakers)
    .on(RoomEvent.ParticipantPermissionsChanged, onPermissions)
    .on(RoomEvent.TrackMuted, onLocalMute)
    .on(RoomEvent.TrackUnmuted, onLocalMute)
    .on(RoomEvent.LocalTrackUnpublished, noteMicChanged)
    .on(RoomEvent.MediaDevicesChanged, onDevices)
    .on(RoomEvent.ActiveDeviceChanged, onActiveDevice)
    .on(RoomEvent.Reconnecting, onReconnecting)
    .on(RoomEvent.Reconnected, onReconnected)
    .on(RoomEvent.Disconnected, onDisconnected);

  const close = async () => {
    closing = true;
    room
      .off(RoomEvent.TrackSubscribed, onSubscribed)
      .off(RoomEvent.TrackUnsubscribed, onUnsubscribed)
      .off(RoomEvent.ActiveSpeakersChanged, onSpeakers)
      .off(RoomEvent.ParticipantPermissionsChanged, onPermissions)
      .off(RoomEvent.TrackMuted, onLocalMute)
      .off(RoomEvent.TrackUnmuted, onLocalMute)
      .off(RoomEvent.LocalTrackUnpublished, noteMicChanged)
      .off(RoomEvent.MediaDevicesChanged, onDevices)
      .off(RoomEvent.ActiveDeviceChanged, onActiveDevice)
      .off(RoomEvent.Reconnecting, onReconnecting)
      .off(RoomEvent.Reconnected, onReconnected)
      .off(RoomEvent.Disconnected, onDisconnected);
    mix.clear();
    await room.disconnect().catch(() => undefined);
  };

  try {
    await room.connect(livekitUrl(token), token.token, { autoSubscribe: false });
  } catch (err) {
    await close();
    throw err;
  }
  return { lk, room, mix, token, close };
}
