import { auditSpaces, Role } from '../../../shared/access.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import { newInvitationToken } from '../../auth/invitationTokens.js';
import type { Invitation } from '../../store/invitations.js';
import type { Repos } from '../../store/repos.js';
import type { RoleGrant } from '../../store/roles.js';
import { ApiError, type Handlers } from '../api.js';
import { accountView, type HandlerDeps, signedIn } from './deps.js';

/** Accounts, invitations, role grants and the audit log: the admin page's API. */
export function adminHandlers(deps: HandlerDeps): Pick<Handlers,
  'listAccounts' | 'updateAccount' | 'listInvitations' | 'createInvitation' | 'revokeInvitation'
  | 'listGrants' | 'createGrant' | 'revokeGrant' | 'audit'> {
  const { repos, events } = deps;

  async function checkScope(role: string, spaceId: string | null): Promise<void> {
    if (role === 'admin' && spaceId !== null) {
      throw new ApiError(400, ErrorCode.INVALID_INPUT, 'The admin role is granted everywhere, not for one space.');
    }
    if (spaceId !== null && !await repos.spaces.get(spaceId)) {
      throw new ApiError(404, ErrorCode.NOT_FOUND, `There is no space "${spaceId}".`);
    }
  }

  return {
    async listAccounts() {
      const [accounts, grants] = await Promise.all([repos.accounts.list(), repos.roles.listAll()]);
      const byAccount = new Map<string, RoleGrant[]>();
      for (const g of grants) byAccount.set(g.accountId, [...(byAccount.get(g.accountId) ?? []), g]);
      return { accounts: accounts.map((a) => ({ ...accountView(a), grants: (byAccount.get(a.id) ?? []).map(grantView) })) };
    },

    async updateAccount({ params, body, identity }) {
      const actor = signedIn(identity);
      if (params.id === actor.accountId && body.disabled) {
        throw new ApiError(409, ErrorCode.CONFLICT, 'You cannot disable your own account.');
      }
      const account = await repos.transaction(async (r) => {
        const updated = await r.accounts.setDisabled(params.id, body.disabled);
        if (!updated) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such account.');
        if (body.disabled) await r.sessions.revokeAllForAccount(params.id);
        await r.audit.append({ actorId: actor.accountId, action: body.disabled ? 'account.disable' : 'account.enable', targetType: 'account', targetId: params.id });
        return updated;
      });
      events.accountChanged(params.id);
      return accountView(account);
    },

    async listInvitations() {
      return { invitations: (await repos.invitations.list()).map(invitationView) };
    },

    async createInvitation({ body, identity }) {
      const actor = signedIn(identity);
      await checkScope(body.role, body.spaceId);
      const { token, hash } = newInvitationToken();
      const invitation = await repos.transaction(async (r) => {
        const created = await r.invitations.create({
          tokenHash: hash, role: body.role, spaceId: body.spaceId, email: body.email, note: body.note,
          createdBy: actor.accountId, expiresAt: new Date(Date.now() + body.expiresInHours * 3600_000),
        });
        await r.audit.append({
          actorId: actor.accountId, action: 'invitation.create', targetType: 'invitation', targetId: created.id,
          detail: { role: body.role, spaceId: body.spaceId, email: body.email },
        });
        return created;
      });
      return { invitation: invitationView(invitation), token, path: `/invite/${token}` };
    },

    async revokeInvitation({ params, identity }) {
      const actor = signedIn(identity);
      const invitation = await repos.transaction(async (r) => {
        const before = await r.invitations.get(params.id);
        if (!before) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such invitation.');
        if (before.status !== 'pending') throw new ApiError(409, ErrorCode.CONFLICT, `This invitation is already ${before.status}.`);
        const after = await r.invitations.revoke(params.id);
        await r.audit.append({ actorId: actor.accountId, action: 'invitation.revoke', targetType: 'invitation', targetId: params.id });
        return after!;
      });
      return invitationView(invitation);
    },

    async listGrants() {
      return { grants: (await repos.roles.listAll()).map(grantView) };
    },

    async createGrant({ body, identity }) {
      const actor = signedIn(identity);
      await checkScope(body.role, body.spaceId);
      const grant = await repos.transaction(async (r) => {
        if (!await r.accounts.get(body.accountId)) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such account.');
        const created = await r.roles.grant({ accountId: body.accountId, role: body.role, spaceId: body.spaceId, grantedBy: actor.accountId });
        await r.audit.append({
          actorId: actor.accountId, action: 'role.grant', targetType: 'account', targetId: body.accountId,
          detail: { role: body.role, spaceId: body.spaceId },
        });
        return created;
      });
      events.accountChanged(body.accountId);
      return grantView(grant);
    },

    async revokeGrant({ params, identity }) {
      const actor = signedIn(identity);
      const removed = await repos.transaction(async (r) => {
        const grant = await r.roles.get(params.id);
        if (!grant) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such role grant.');
        if (grant.role === 'admin' && !await anotherActiveAdmin(r, grant.id)) {
          throw new ApiError(409, ErrorCode.CONFLICT, 'This is the last admin; grant admin to someone else first.');
        }
        await r.roles.revokeById(params.id);
        await r.audit.append({
          actorId: actor.accountId, action: 'role.revoke', targetType: 'account', targetId: grant.accountId,
          detail: { role: grant.role, spaceId: grant.spaceId },
        });
        return grant;
      });
      events.accountChanged(removed.accountId);
      return { ok: true as const };
    },

    async audit({ query, identity }) {
      // A moderator of some spaces reads only those spaces' entries; admins read every entry.
      const scope = identity ? auditSpaces(identity) : [];
      const spaces = scope === 'all' ? undefined : scope;
      return { entries: await repos.audit.list({ limit: query.limit, before: query.before, spaces }) };
    },
  };
}

/** Whether an admin grant other than `except` belongs to an account that can sign in (not disabled). */
async function anotherActiveAdmin(r: Repos, except: string): Promise<boolean> {
  for (const g of await r.roles.listAll()) {
    if (g.role !== 'admin' || g.id === except) continue;
    const account = await r.accounts.get(g.accountId);
    if (account && !account.disabledAt) return true;
  }
  return false;
}

function grantView(g: RoleGrant) {
  return { id: g.id, accountId: g.accountId, role: g.role as Role, spaceId: g.spaceId, grantedBy: g.grantedBy, createdAt: g.createdAt };
}

function invitationView(i: Invitation) {
  return { ...i, role: Role.parse(i.role) };
}
