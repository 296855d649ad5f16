import type { MemberInvitation } from '../../../shared/protocol/members.js';
import { actorOf } from '../../auth/sessions.js';
import { newInvitationToken } from '../../auth/invitationTokens.js';
import { planMemberInvites, readMemberCsv, type KnownAddresses } from '../../domain/memberInvites.js';
import type { Repos } from '../../store/repos.js';
import { ApiError, type Handlers } from '../api.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import { type HandlerDeps, signedIn } from './deps.js';

/** The role stored on a member invitation: none beyond what everyone has. */
export const MEMBER_ROLE = 'visitor';

async function knownAddresses(r: Pick<Repos, 'accounts' | 'invitations'>, emails: readonly string[]): Promise<KnownAddresses> {
  const [accounts, pendingList] = await Promise.all([r.accounts.existingEmails(emails), r.invitations.pendingForEmails(emails)]);
  const pending = new Map<string, { member: boolean; expiresAt: string }[]>();
  for (const i of pendingList) {
    if (!i.email) continue;
    pending.set(i.email, [...(pending.get(i.email) ?? []), { member: i.role === MEMBER_ROLE, expiresAt: i.expiresAt }]);
  }
  return { accounts, pending };
}

/**
 * Members in bulk: a curator (or admin) sends a CSV of addresses; each good row becomes an
 * invitation with no role, in one transaction with one audit entry. The links are in the answer
 * only (their tokens are stored hashed); nothing is mailed. A dry run reports and writes nothing.
 */
export function memberHandlers(deps: HandlerDeps): Pick<Handlers, 'inviteMembers'> {
  const { repos } = deps;
  return {
    async inviteMembers({ params, body, identity }) {
      const actor = signedIn(identity);
      if (!await repos.spaces.get(params.id)) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no space with that name.');
      const read = readMemberCsv(body.csv);
      const emails = read.addresses.map((a) => a.email);
      if (body.dryRun) {
        const plan = planMemberInvites(read, await knownAddresses(repos, emails), body.reissue);
        const invited = plan.invite.map((a): MemberInvitation => ({ row: a.row, email: a.email, invitationId: null, path: null, expiresAt: null, replaced: a.replaces }));
        return { spaceId: params.id, dryRun: true, rows: read.rows, invited, problems: plan.problems };
      }
      const expiresAt = new Date(Date.now() + body.expiresInHours * 3600_000);
      return repos.transaction(async (r) => {
        const plan = planMemberInvites(read, await knownAddresses(r, emails), body.reissue);
        const replacing = new Set(plan.invite.filter((a) => a.replaces).map((a) => a.email));
        let withdrawn = 0;
        if (replacing.size > 0) {
          for (const old of await r.invitations.pendingForEmails([...replacing])) {
            if (old.role !== MEMBER_ROLE) continue;
            await r.invitations.revoke(old.id);
            withdrawn++;
          }
        }
        const invited: MemberInvitation[] = [];
        for (const a of plan.invite) {
          const { token, hash } = newInvitationToken();
          const created = await r.invitations.create({
            tokenHash: hash, role: MEMBER_ROLE, spaceId: params.id, email: a.email, note: `Member invitation (row ${a.row} of a CSV)`,
            createdBy: actor.accountId, expiresAt,
          });
          invited.push({ row: a.row, email: a.email, invitationId: created.id, path: `/invite/${token}`, expiresAt: created.expiresAt, replaced: a.replaces });
        }
        await r.audit.append({
          actorId: actorOf(actor), action: 'members.invite', targetType: 'space', targetId: params.id, spaceId: params.id,
          detail: { rows: read.rows, invited: invited.length, withdrawn, problems: plan.problems.length, expiresInHours: body.expiresInHours },
        });
        return { spaceId: params.id, dryRun: false, rows: read.rows, invited, problems: plan.problems };
      });
    },
  };
}
