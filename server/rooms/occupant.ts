import { badgeFor } from '../../shared/access.js';
import { NAME_MAX_LENGTH } from '../../shared/constants.js';
import { Avatar } from '../../shared/schema/Avatar.js';
import type { Identity } from '../auth/sessions.js';
import { checkSanction } from '../domain/moderation.js';
import { MoveIntents } from '../domain/moveIntents.js';
import { uniqueName } from '../domain/names.js';
import type { VrPresence } from '../domain/vrPose.js';

export { Refusal } from '../domain/refusal.js';

/** What the server keeps about each connection besides the synchronised Avatar. */
export interface Occupant {
  avatar: Avatar;
  /** The session this person joined with, and their roles (kept current by the ChangeFeed). */
  identity: Identity;
  /** The client's address as the server saw it when they joined (for a moderator's address ban). */
  address: string;
  intents: MoveIntents;
  /** Set once the avatar has stepped into a portal: further input is ignored. */
  leaving: boolean;
  /** Set when the server removes the client, so its departure is final. */
  removed: boolean;
  /** A moderator muted this person's questions and reactions here. */
  muted: boolean;
  /** Standing at the floor microphone: movement is ignored until the turn ends. */
  atMic: boolean;
  /** In VR: their head and hands (set on the first pose or teleport). */
  vr?: { presence: VrPresence };
  /** The moderator console: a connection with no avatar in the state (server/domain/console.ts). */
  console: boolean;
}

/** The person a moderator names (remove, mute, ban), checked by the moderation rules. */
export function sanctionTarget(occupants: ReadonlyMap<string, Occupant>, sessionId: string, moderator: Pick<Occupant, 'identity'>, spaceId: string): Occupant {
  const target = occupants.get(sessionId);
  const person = target && { ...target.identity, removed: target.removed };
  checkSanction(person, moderator.identity, target === moderator, spaceId);
  return target!;
}

/** Someone arriving: their avatar at the spawn spot, with a name nobody here has. */
export function newOccupant(auth: { identity: Identity; address: string; options?: { console?: boolean } }, spot: { x: number; z: number; yaw: number }, names: readonly string[], spaceId: string): Occupant {
  const avatar = new Avatar();
  avatar.name = uniqueName(auth.identity.name, [...names], NAME_MAX_LENGTH);
  avatar.x = spot.x;
  avatar.z = spot.z;
  avatar.yaw = spot.yaw;
  avatar.gait = 0;
  avatar.ack = 0;
  avatar.hue = Math.floor(Math.random() * 360);
  avatar.connected = true;
  avatar.role = badgeFor(auth.identity.grants, spaceId);
  avatar.seat = -1;
  avatar.hand = 0;
  return {
    avatar, identity: auth.identity, address: auth.address, muted: false, atMic: false, intents: new MoveIntents(), leaving: false, removed: false,
    console: auth.options?.console === true,
  };
}
