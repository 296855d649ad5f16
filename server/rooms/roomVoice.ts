import type { VoiceToken } from '../../shared/protocol/api.js';
import type { VoiceMode } from '../../shared/spaces/layout.js';
import { mayPublish } from '../domain/voiceGrants.js';
import type { Logger } from '../log.js';
import type { Voice } from '../voice/voice.js';
import type { Occupant } from './occupant.js';

export interface RoomVoiceDeps {
  /** Undefined when the server runs without voice. */
  voice: Voice | undefined;
  /** What browsers connect to: null for this site's /livekit proxy, else the external LiveKit. */
  publicUrl: string | null;
  log: Logger;
}

/** Where LiveKit's grant for one person stands. */
interface Grant {
  /** What LiveKit has now, as far as we know (undefined: a change failed, so unknown). */
  applied: boolean | undefined;
  /** What the token allowed when it was minted: a LiveKit rejoin comes back with that. */
  minted: boolean;
  /** When LiveKit was last told (0: never). */
  assertedAt: number;
  inFlight: boolean;
  retryAt: number;
  failures: number;
}

/**
 * A grant that differs from the token's is told again this often: when livekit-client rejoins
 * after a signalling drop it reuses its token, and LiveKit would otherwise keep the token's grant.
 */
const REASSERT_MS = 5000;

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/**
 * The voice of one space instance: one LiveKit room, tokens for the people in it, and their
 * publish grants kept in step with who may talk now (the speakers, mutes). Identities are the
 * connections' session ids, so every voice belongs to an avatar.
 */
export class RoomVoice {
  readonly room: string;
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly deps: RoomVoiceDeps, spaceId: string, roomId: string, readonly mode: VoiceMode) {
    this.room = `${spaceId}.${roomId}`;
  }

  get available(): boolean {
    return this.deps.voice !== undefined && this.mode !== 'off';
  }

  /** A token for this connection, allowing what its place allows now. */
  async token(sessionId: string, occupant: Occupant, speaker: boolean): Promise<VoiceToken> {
    const voice = this.deps.voice;
    if (!voice) throw new Error('voice is not running');
    const canPublish = mayPublish(this.mode, { speaker, muted: occupant.muted });
    const token = await voice.token({ identity: sessionId, name: occupant.avatar.name, room: this.room, canPublish });
    this.grants.set(sessionId, { applied: canPublish, minted: canPublish, assertedAt: 0, inFlight: false, retryAt: 0, failures: 0 });
    return { url: this.deps.publicUrl, room: this.room, identity: sessionId, token, mode: this.mode, canPublish };
  }

  /**
   * Once per tick: whoever holds a token and may now publish (or no longer may) gets LiveKit's
   * grant changed at once. A change that fails (they have not joined LiveKit yet, or it is
   * down) is retried with backoff, so a token minted just before the floor passed catches up.
   */
  sync(now: number, occupants: ReadonlyMap<string, Occupant>, isSpeaker: (sessionId: string) => boolean): void {
    const voice = this.deps.voice;
    if (!voice || this.grants.size === 0) return;
    for (const [sessionId, grant] of this.grants) {
      const occupant = occupants.get(sessionId);
      if (!occupant || grant.inFlight || now < grant.retryAt) continue;
      const wanted = mayPublish(this.mode, { speaker: isSpeaker(sessionId), muted: occupant.muted });
      const stale = wanted !== grant.minted && now - grant.assertedAt > REASSERT_MS;
      if (grant.applied === wanted && !stale) continue;
      grant.inFlight = true;
      voice.setCanPublish(this.room, sessionId, wanted).then(() => {
        grant.applied = wanted;
        grant.assertedAt = Date.now();
        grant.failures = 0;
        this.deps.log.debug({ room: this.room, sessionId, canPublish: wanted }, 'voice grant changed');
      }, (err: unknown) => {
        grant.applied = undefined;
        grant.failures++;
        grant.retryAt = Date.now() + Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (grant.failures - 1));
        this.deps.log.debug({ room: this.room, sessionId, err: String(err) }, 'voice grant change failed; will retry');
      }).finally(() => {
        grant.inFlight = false;
      });
    }
  }

  /** Someone left for good, or was removed or banned: out of the LiveKit room as well. */
  drop(sessionId: string): void {
    if (!this.grants.delete(sessionId)) return;
    this.deps.voice?.remove(this.room, sessionId).catch(() => {
      // Not in the LiveKit room (never joined, or already gone): nothing to end.
    });
  }

  /** The room instance is closing: end the LiveKit room with it. */
  dispose(): void {
    if (this.grants.size === 0) return;
    this.grants.clear();
    this.deps.voice?.deleteRoom(this.room).catch(() => {});
  }
}
