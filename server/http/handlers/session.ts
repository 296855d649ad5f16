import { ErrorCode } from '../../../shared/protocol/errors.js';
import { checkPassword, hashPassword } from '../../auth/passwords.js';
import { isBlockedName } from '../../domain/names.js';
import { normaliseEmail } from '../../store/accounts.js';
import { ApiError, type Handlers } from '../api.js';
import { accountOf, type HandlerDeps, meFor, sessionFor, signedIn } from './deps.js';

const WRONG = 'That email and password do not match an account.';

/** Entering as a guest, signing in and out, and changing one's own password. */
export function sessionHandlers(deps: HandlerDeps): Pick<Handlers, 'guestSession' | 'login' | 'me' | 'logout' | 'changePassword'> {
  const { repos, sessions, limiter, log } = deps;
  return {
    async guestSession({ body }) {
      if (isBlockedName(body.name, deps.nameBlocklist)) {
        throw new ApiError(400, ErrorCode.INVALID_INPUT, 'That name is not allowed here (it could be mistaken for staff); please choose another.');
      }
      return sessions.issueGuest(body.name);
    },

    async login({ body, ip }) {
      const key = normaliseEmail(body.email);
      const block = await limiter.check(key, ip);
      if (block) {
        log.warn({ ip }, 'sign-in refused: too many failed attempts');
        throw new ApiError(429, ErrorCode.RATE_LIMITED, 'Too many failed sign-in attempts. Please wait a few minutes and try again.', block.retryAfterSeconds);
      }
      const account = await repos.accounts.findByEmail(key);
      // Always one argon2 check, so an unknown email takes as long as a wrong password.
      const ok = await checkPassword(body.password, account?.passwordHash);
      if (!ok || !account) {
        await limiter.failed(key, ip);
        throw new ApiError(401, ErrorCode.NOT_ALLOWED, WRONG);
      }
      await limiter.succeeded(key);
      if (account.disabledAt) throw new ApiError(403, ErrorCode.NOT_ALLOWED, 'This account has been disabled. Please contact an administrator.');
      log.info({ accountId: account.id }, 'signed in');
      return sessionFor(account.id, deps);
    },

    async me({ identity }) {
      return meFor(signedIn(identity), repos);
    },

    async logout({ identity }) {
      const who = signedIn(identity);
      await sessions.revoke(who.sessionId);
      // Connections opened with this session end too, a guest's as an account's.
      deps.events.sessionEnded(who.sessionId);
      if (who.accountId) deps.events.accountChanged(who.accountId);
      return { ok: true as const };
    },

    async changePassword({ body, identity, ip }) {
      const who = accountOf(identity);
      const block = await limiter.check(who.accountId, ip);
      if (block) throw new ApiError(429, ErrorCode.RATE_LIMITED, 'Too many wrong passwords. Please wait a few minutes and try again.', block.retryAfterSeconds);
      if (!await checkPassword(body.currentPassword, await repos.accounts.passwordHash(who.accountId))) {
        await limiter.failed(who.accountId, ip);
        throw new ApiError(403, ErrorCode.NOT_ALLOWED, 'Your current password is not right.');
      }
      await limiter.succeeded(who.accountId);
      const hash = await hashPassword(body.newPassword);
      await repos.transaction(async (r) => {
        await r.accounts.setPasswordHash(who.accountId, hash);
        // Every session ends, this one too: whoever knew the old password is signed out.
        await r.sessions.revokeAllForAccount(who.accountId);
        await r.audit.append({ actorId: who.accountId, action: 'account.password', targetType: 'account', targetId: who.accountId });
      });
      deps.events.accountChanged(who.accountId);
      return sessionFor(who.accountId, deps);
    },
  };
}
