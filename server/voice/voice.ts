import { AccessToken, RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import type { LivekitEndpoint } from './localLivekit.js';

/**
 * Voice tokens and live grants: the only module that talks to LiveKit (it hands out no SDK client). Identities are the
 * authenticated identity key (account:<id> or guest:<session>), never a typed name; nobody
 * gets roomAdmin, roomCreate or data publishing.
 */
export interface Voice {
  /** A token for one LiveKit room: subscribe always, publish (microphone only) when `canPublish`. */
  token(options: { identity: string; name: string; room: string; canPublish: boolean; ttlSeconds?: number }): Promise<string>;
  /** Changes whether someone already in the room may publish (the floor mic passing, a mute). */
  setCanPublish(room: string, identity: string, canPublish: boolean): Promise<void>;
  /** Ends someone's presence in a LiveKit room (removal, ban). */
  remove(room: string, identity: string): Promise<void>;
  /** Ends a LiveKit room (the space instance closed). */
  deleteRoom(room: string): Promise<void>;
  /** The names of the LiveKit rooms open now. */
  listRooms(): Promise<string[]>;
  /** One participant as LiveKit sees them (for checks and tests), or undefined. */
  participant(room: string, identity: string): Promise<VoiceParticipant | undefined>;
}

/** What the app may know of a LiveKit participant: plain data, no SDK object. */
export interface VoiceParticipant {
  identity: string;
  canPublish: boolean;
  /** Tracks they publish now. */
  tracks: number;
}

export function createVoice(endpoint: LivekitEndpoint): Voice {
  const rooms = new RoomServiceClient(endpoint.url.replace(/^ws/, 'http'), endpoint.apiKey, endpoint.apiSecret);
  const permission = (canPublish: boolean) => ({
    canSubscribe: true,
    canPublish,
    canPublishData: false,
    canPublishSources: canPublish ? [TrackSource.MICROPHONE] : [],
  });

  return {
    async token({ identity, name, room, canPublish, ttlSeconds = 3600 }) {
      const at = new AccessToken(endpoint.apiKey, endpoint.apiSecret, { identity, name, ttl: ttlSeconds });
      at.addGrant({ room, roomJoin: true, ...permission(canPublish) });
      return at.toJwt();
    },
    async setCanPublish(room, identity, canPublish) {
      await rooms.updateParticipant(room, identity, { permission: permission(canPublish) });
    },
    async remove(room, identity) {
      await rooms.removeParticipant(room, identity);
    },
    async deleteRoom(room) {
      await rooms.deleteRoom(room);
    },
    async listRooms() {
      return (await rooms.listRooms()).map((r) => r.name);
    },
    async participant(room, identity) {
      const p = (await rooms.listParticipants(room)).find((x) => x.identity === identity);
      return p && { identity: p.identity, canPublish: p.permission?.canPublish === true, tracks: p.tracks.length };
    },
  };
}
