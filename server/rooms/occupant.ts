import type { Avatar } from '../../shared/schema/Avatar.js';
import { rolesFor } from '../../shared/access.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { Identity } from '../auth/sessions.js';
import type { MoveIntents } from '../domain/moveIntents.js';
import type { FloodGuard, TokenBucket } from '../domain/tokenBucket.js';
import type { VrPresence } from '../domain/vrPose.js';

/** What the server keeps about each connection besides the synchronised Avatar. */
export interface Occupant {
  avatar: Avatar;
  /** The session this person joined with, and their roles (kept current by the ChangeFeed). */
  identity: Identity;
  /** The client's address as the server saw it when they joined (for bans of guests). */
  address: string;
  intents: MoveIntents;
  bucket: TokenBucket;
  flood: FloodGuard;
  lastErrorAt: number;
  /** Set once the avatar has stepped into a portal: further input is ignored. */
  leaving: boolean;
  /** Set when the server removes the client, so its departure is final. */
  removed: boolean;
  /** A moderator muted this person's questions and reactions here. */
  muted: boolean;
  /** Standing at the floor microphone: movement is ignored until the turn ends. */
  atMic: boolean;
  /** In VR: their head and hands, and their own rate limit for them (set on the first pose or teleport). */
  vr?: { presence: VrPresence; bucket: TokenBucket };
}

/** A refusal a message handler throws: the room answers the sender with the code and sentence. */
export class Refusal extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

/**
 * The person a moderator names (remove, mute, ban): someone here, not the moderator, and not
 * staff the moderator may not sanction. Held roles count, not the badge: an admin who hosts
 * here wears the host badge and is still an admin. Only an admin acts on moderators and admins.
 */
export function sanctionTarget(occupants: ReadonlyMap<string, Occupant>, sessionId: string, moderator: Occupant, spaceId: string): Occupant {
  const target = occupants.get(sessionId);
  if (!target || target.removed) throw new Refusal(ErrorCode.NOT_FOUND, 'That person is no longer in this space.');
  if (target === moderator) throw new Refusal(ErrorCode.INVALID_INPUT, 'You cannot do that to yourself.');
  const held = rolesFor(target.identity, 'space', spaceId);
  if ((held.has('moderator') || held.has('admin')) && !rolesFor(moderator.identity, 'global').has('admin')) {
    throw new Refusal(ErrorCode.NOT_ALLOWED, 'Only an admin can do that to a moderator or an admin.');
  }
  return target;
}
