import type { Handlers } from '../api.js';
import { adminHandlers } from './admin.js';
import { ballotHandlers } from './ballots.js';
import { eventHandlers } from './events.js';
import { exhibitHandlers } from './exhibits.js';
import type { HandlerDeps } from './deps.js';
import { invitationHandlers } from './invitations.js';
import { lookHandlers } from './look.js';
import { memberHandlers } from './members.js';
import { consensusHandlers } from './consensus.js';
import { consensusExportHandlers } from './consensusExport.js';
import { publicHandlers } from './public.js';
import { sessionHandlers } from './session.js';
import { twinHandlers } from './twins.js';
import { voiceHandlers } from './voice.js';

export type { HandlerDeps } from './deps.js';

/** Every endpoint's handler; the Handlers type makes a missing one a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...publicHandlers(deps),
    ...sessionHandlers(deps),
    ...lookHandlers(deps),
    ...invitationHandlers(deps),
    ...adminHandlers(deps),
    ...eventHandlers(deps),
    ...voiceHandlers(deps),
    ...exhibitHandlers(deps),
    ...twinHandlers(),
    ...ballotHandlers(deps),
    ...memberHandlers(deps),
    ...consensusHandlers(deps),
    ...consensusExportHandlers(deps),
  };
}
