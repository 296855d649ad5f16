import { defaultLook } from '../../../shared/protocol/look.js';
import { actorOf } from '../../auth/sessions.js';
import type { Handlers } from '../api.js';
import { type HandlerDeps, signedIn } from './deps.js';

/**
 * One's own look: read it (the chosen one, or the one made from one's id until then) and change
 * it. It is kept for the account, or for a guest's session, and rooms apply a change at once.
 */
export function lookHandlers(deps: HandlerDeps): Pick<Handlers, 'getLook' | 'setLook'> {
  const { repos } = deps;
  return {
    async getLook({ identity }) {
      const actor = actorOf(signedIn(identity));
      const look = await repos.looks.get(actor);
      return { look: look ?? defaultLook(actor), chosen: look !== undefined };
    },
    async setLook({ body, identity }) {
      const actor = actorOf(signedIn(identity));
      await repos.looks.set(actor, body);
      deps.events.lookChanged(actor);
      return { look: body, chosen: true };
    },
  };
}
