import { ServerError, type AuthContext } from '@colyseus/core';
import { ErrorCode, joinErrorMessage } from '../../shared/protocol/errors.js';
import { JoinOptions } from '../../shared/protocol/messages.js';
import { AuthError, type Identity, type Sessions } from '../auth/sessions.js';
import { CONSOLE_REFUSED } from '../domain/console.js';

export interface Auth { options: JoinOptions; identity: Identity; address: string }

/** What a join is checked against besides the token. */
export interface JoinChecks {
  removed(identity: Identity): boolean;
  banned(identity: Identity, address: string): Promise<boolean>;
  /** May this person open the moderator console here (JoinOptions.console)? */
  console(identity: Identity): boolean;
}

/** A join: valid options, a live session, not removed from this instance, not banned from the space. */
export async function authenticate(sessions: Sessions, options: unknown, context: AuthContext | undefined, checks: JoinChecks): Promise<Auth> {
  const parsed = JoinOptions.safeParse(options);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ServerError(400, joinErrorMessage(ErrorCode.INVALID_INPUT, first?.message ?? 'The join request was not understood.'));
  }
  if (!parsed.data.token) throw new ServerError(401, joinErrorMessage(ErrorCode.NOT_ALLOWED, 'Please sign in or enter your name first.'));
  let identity: Identity;
  try {
    identity = await sessions.verify(parsed.data.token);
  } catch (err) {
    if (err instanceof AuthError) throw new ServerError(401, joinErrorMessage(ErrorCode.NOT_ALLOWED, err.message));
    throw err;
  }
  if (parsed.data.console && !checks.console(identity)) {
    throw new ServerError(403, joinErrorMessage(ErrorCode.NOT_ALLOWED, CONSOLE_REFUSED));
  }
  if (checks.removed(identity)) {
    throw new ServerError(403, joinErrorMessage(ErrorCode.NOT_ALLOWED, 'A moderator removed you from this space. Please try again later.'));
  }
  const ip = context?.ip;
  const address = (Array.isArray(ip) ? ip[0] : ip) ?? '';
  if (await checks.banned(identity, address)) {
    throw new ServerError(403, joinErrorMessage(ErrorCode.NOT_ALLOWED, 'A moderator has banned you from this space.'));
  }
  return { options: parsed.data, identity, address };
}
