import { allows, type Principal } from '../../shared/access.js';

/**
 * The moderator console (/events/<id>/moderate): a connection to the town hall with no avatar,
 * for whoever may moderate questions or run the event there. Every action it sends is still
 * checked message by message against the permissions table.
 */
export function mayUseConsole(who: Principal, spaceId: string): boolean {
  return allows('question.moderate', who, spaceId) || allows('event.run', who, spaceId);
}

/** The sentence a refused console join carries. */
export const CONSOLE_REFUSED = 'The moderator console is for the moderators and hosts of this space; sign in with such an account.';
