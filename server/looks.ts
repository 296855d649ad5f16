import type { Logger } from 'pino';
import { defaultLook, packLook } from '../shared/protocol/look.js';
import type { Avatar } from '../shared/schema/Avatar.js';
import { actorOf, type Identity } from './auth/sessions.js';
import type { ChangeFeed } from './changeFeed.js';
import type { LookStore } from './store/looks.js';

/**
 * Puts a person's look on their avatar as they join: at once the one made from their account or
 * session id (the same at every door), then the one they chose, once the store answers.
 */
export function wearLook(avatar: Avatar, identity: Identity, looks: LookStore, log: Pick<Logger, 'error'>): void {
  const actor = actorOf(identity);
  avatar.look = packLook(defaultLook(actor));
  looks.get(actor).then((look) => {
    if (look) avatar.look = packLook(look);
  }).catch((err: unknown) => log.error({ err }, 'reading a look failed'));
}

/** A room's people change look when they choose a new one over HTTP. Returns the cleanup. */
export function watchLooks(
  occupants: ReadonlyMap<string, { avatar: Avatar; identity: Identity }>, events: ChangeFeed, looks: LookStore, log: Pick<Logger, 'error'>,
): () => void {
  return events.onLookChanged((actor) => {
    const wearing = [...occupants.values()].filter((o) => actorOf(o.identity) === actor);
    if (wearing.length === 0) return;
    looks.get(actor).then((look) => {
      if (!look) return;
      for (const o of wearing) o.avatar.look = packLook(look);
    }).catch((err: unknown) => log.error({ err }, 'reading a look failed'));
  });
}
