import { Role } from '../../../shared/access.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import { hashInvitationToken, sameTokenHash } from '../../auth/invitationTokens.js';
import { hashPassword } from '../../auth/passwords.js';
import { isBlockedName } from '../../domain/names.js';
import type { Invitation } from '../../store/invitations.js';
import { isUniqueViolation, StoreError } from '../../store/errors.js';
import { ApiError, type Handlers } from '../api.js';
import { type HandlerDeps, sessionFor } from './deps.js';

/** The invitee's side: look at an invitation by its link, and accept it. */
export function invitationHandlers(deps: HandlerDeps): Pick<Handlers, 'previewInvitation' | 'acceptInvitation'> {
  const { repos } = deps;

  async function pending(token: string): Promise<Invitation> {
    const presented = hashInvitationToken(token);
    const found = await repos.invitations.findByTokenHash(presented);
    if (!found || !sameTokenHash(found.tokenHash, presented) || found.status === 'revoked') {
      throw new ApiError(404, ErrorCode.NOT_FOUND, 'This invitation link is not valid. Please ask for a new one.');
    }
    if (found.status === 'used') throw new ApiError(409, ErrorCode.CONFLICT, 'This invitation has already been used.');
    if (found.status === 'expired') throw new ApiError(404, ErrorCode.NOT_FOUND, 'This invitation has expired. Please ask for a new one.');
    return found;
  }

  async function use(invitation: Invitation, accountId: string, r: typeof repos): Promise<void> {
    if (!await r.invitations.markUsed(invitation.id, accountId)) {
      throw new ApiError(409, ErrorCode.CONFLICT, 'This invitation has just been used or withdrawn.');
    }
    // A member invitation ("visitor") makes or marks an account and grants nothing.
    const member = invitation.role === 'visitor';
    const already = member || (await r.roles.listForAccount(accountId))
      .some((g) => g.role === invitation.role && g.spaceId === invitation.spaceId);
    if (!already) await r.roles.grant({ accountId, role: invitation.role, spaceId: invitation.spaceId, grantedBy: invitation.createdBy });
    await r.audit.append({
      actorId: accountId, action: 'invitation.accept', targetType: 'invitation', targetId: invitation.id,
      detail: { role: invitation.role, spaceId: invitation.spaceId },
    });
  }

  return {
    async previewInvitation({ params }) {
      const invitation = await pending(params.token);
      const space = invitation.spaceId ? await repos.spaces.get(invitation.spaceId) : undefined;
      return {
        role: Role.parse(invitation.role),
        spaceId: invitation.spaceId,
        spaceName: space?.name ?? null,
        email: invitation.email,
        expiresAt: invitation.expiresAt,
      };
    },

    async acceptInvitation({ params, body, identity }) {
      const invitation = await pending(params.token);

      if (identity?.accountId) {
        // Signed in: the role is added to this account.
        const accountId = identity.accountId;
        await repos.transaction((r) => use(invitation, accountId, r));
        // A fresh session replaces the one that asked, so the answer has the same shape either way.
        const next = await sessionFor(accountId, deps);
        await deps.sessions.revoke(identity.sessionId);
        deps.events.accountChanged(accountId);
        return next;
      }

      const { email, password, displayName } = body;
      if (!email || !password || !displayName) {
        throw new ApiError(400, ErrorCode.INVALID_INPUT, 'To create your account, give a display name, an email address and a password (or sign in first).');
      }
      if (isBlockedName(displayName, deps.nameBlocklist)) {
        throw new ApiError(400, ErrorCode.INVALID_INPUT, 'That display name is not allowed here; please choose another.');
      }
      const passwordHash = await hashPassword(password);
      let accountId: string;
      try {
        accountId = await repos.transaction(async (r) => {
          const account = await r.accounts.create({ email, passwordHash, displayName });
          await r.audit.append({ actorId: account.id, action: 'account.create', targetType: 'account', targetId: account.id, detail: { via: 'invitation' } });
          await use(invitation, account.id, r);
          return account.id;
        });
      } catch (err) {
        if (isUniqueViolation(err) || (err instanceof StoreError && err.code === ErrorCode.CONFLICT)) {
          throw new ApiError(409, ErrorCode.CONFLICT, 'An account with that email address already exists. Sign in first, then open the invitation link again.');
        }
        throw err;
      }
      return sessionFor(accountId, deps);
    },
  };
}
