import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { CloseCode } from '../../shared/protocol/errors.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import { getSpace } from '../../shared/spaces/catalog.js';
import { newInvitationToken } from '../auth/invitationTokens.js';
import {
  bootServer, closeCode, collectErrors, createAccount, guestToken, joinSpace, waitFor,
  type SpaceRoomClient, type TestAccount,
} from '../testing/harness.js';

type Server = Awaited<ReturnType<typeof bootServer>>;

/** The refusal a call ends in; fails the test if it succeeded or failed some other way. */
async function refusal(call: Promise<unknown>): Promise<ApiCallError> {
  const outcome = await call.then(() => 'succeeded', (err: unknown) => err);
  expect(outcome).toBeInstanceOf(ApiCallError);
  return outcome as ApiCallError;
}

async function expectRefused(call: Promise<unknown>, status: number, code: string, message?: RegExp): Promise<void> {
  const err = await refusal(call);
  expect({ status: err.status, code: err.code }).toEqual({ status, code });
  if (message) expect(err.message).toMatch(message);
}

/** The session id (the token's subject) a room removal or an audit entry names. */
const sessionIdOf = (token: string) => decodeJwt(token).sub!;

const badge = (room: SpaceRoomClient, sessionId = room.sessionId) => room.state.avatars.get(sessionId)?.role;

let emailCount = 0;
const freshEmail = (who: string) => `${who.toLowerCase()}-${++emailCount}@example.org`;

let server: Server;
let admin: TestAccount;
/** Options for callApi against the shared server. */
const on = (token?: string) => ({ baseUrl: server.http, token: token ?? null });

async function auditEntries(filter: { action?: string; targetId?: string } = {}) {
  const { entries } = await callApi('audit', { ...on(admin.token), query: { limit: 500 } });
  return entries.filter((e) => (filter.action === undefined || e.action === filter.action)
    && (filter.targetId === undefined || e.targetId === filter.targetId));
}

async function invite(role: 'host' | 'moderator' | 'curator' | 'admin', spaceId: string | null = null) {
  return callApi('createInvitation', { ...on(admin.token), body: { role, spaceId } });
}

type RoomError = ReturnType<typeof collectErrors>[number];

/**
 * Sends a message until its refusal arrives: a room answers refusals at most four times a
 * second per connection, so one sent soon after another refusal goes unanswered.
 */
async function sendUntilRefused(room: SpaceRoomClient, errors: RoomError[], type: string, message: unknown, code: string): Promise<RoomError> {
  const from = errors.length;
  const found = () => errors.slice(from).find((e) => e.code === code && e.ref === type);
  room.send(type, message);
  const timer = setInterval(() => room.send(type, message), 300);
  try {
    await waitFor(found, 5000, `${code} for ${type}`);
  } finally {
    clearInterval(timer);
  }
  return found()!;
}

/** Everything that can share one server (the last-admin rules need a server of their own). */
describe('identity over HTTP and in rooms', () => {
  beforeAll(async () => {
    server = await bootServer();
    admin = await createAccount(server, { name: 'Ada Admin', grants: [{ role: 'admin' }] });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('invitations', () => {
    it('takes an invitation from creation through preview and acceptance to a new curator, once', async () => {
      const email = freshEmail('Cleo');
      const created = await callApi('createInvitation', {
        ...on(admin.token), body: { role: 'curator', spaceId: 'hall-1', email: email.toUpperCase(), note: 'For the housing hall' },
      });
      expect(created.path).toBe(`/invite/${created.token}`);
      expect(created.invitation).toMatchObject({ role: 'curator', spaceId: 'hall-1', email, status: 'pending', createdBy: admin.id, usedBy: null });

      const preview = await callApi('previewInvitation', { ...on(), params: { token: created.token } });
      expect(preview).toMatchObject({ role: 'curator', spaceId: 'hall-1', spaceName: getSpace('hall-1')!.name, email });

      const password = 'a curator password';
      const session = await callApi('acceptInvitation', {
        ...on(), params: { token: created.token }, body: { email, password, displayName: 'Cleo Curator' },
      });
      expect(session.me).toMatchObject({ kind: 'account', name: 'Cleo Curator', account: { email, disabledAt: null } });
      expect(session.me.grants).toEqual([{ role: 'curator', spaceId: 'hall-1' }]);
      const curatorId = session.me.account!.id;
      expect((await callApi('me', on(session.token))).account!.id).toBe(curatorId);
      expect((await callApi('login', { ...on(), body: { email, password } })).me.account!.id).toBe(curatorId);

      // The link is spent: for whoever holds it, signed in or not.
      await expectRefused(callApi('previewInvitation', { ...on(), params: { token: created.token } }), 409, 'CONFLICT');
      await expectRefused(callApi('acceptInvitation', {
        ...on(), params: { token: created.token }, body: { email: freshEmail('late'), password, displayName: 'Late Comer' },
      }), 409, 'CONFLICT');
      await expectRefused(callApi('acceptInvitation', { ...on(session.token), params: { token: created.token }, body: {} }), 409, 'CONFLICT');

      const { accounts } = await callApi('listAccounts', on(admin.token));
      const curator = accounts.find((a) => a.id === curatorId);
      expect(curator).toMatchObject({ email, displayName: 'Cleo Curator' });
      expect(curator!.grants).toEqual([expect.objectContaining({ role: 'curator', spaceId: 'hall-1', grantedBy: admin.id })]);
      const { invitations } = await callApi('listInvitations', on(admin.token));
      expect(invitations.find((i) => i.id === created.invitation.id)).toMatchObject({ status: 'used', usedBy: curatorId });

      expect(await auditEntries({ action: 'invitation.create', targetId: created.invitation.id }))
        .toEqual([expect.objectContaining({ actorId: admin.id, targetType: 'invitation', detail: { role: 'curator', spaceId: 'hall-1', email } })]);
      expect(await auditEntries({ action: 'account.create', targetId: curatorId }))
        .toEqual([expect.objectContaining({ actorId: curatorId, targetType: 'account' })]);
      expect(await auditEntries({ action: 'invitation.accept', targetId: created.invitation.id }))
        .toEqual([expect.objectContaining({ actorId: curatorId, detail: { role: 'curator', spaceId: 'hall-1' } })]);
    });

    it('lets exactly one of two simultaneous acceptances win', async () => {
      const { token } = await invite('host', 'townhall');
      const emails = [freshEmail('racer'), freshEmail('racer')];
      const outcomes = await Promise.allSettled(emails.map((email, i) => callApi('acceptInvitation', {
        ...on(), params: { token }, body: { email, password: 'a racing password', displayName: `Racer ${i + 1}` },
      })));
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as ApiCallError] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(ApiCallError);
      expect({ status: lost[0]!.status, code: lost[0]!.code }).toEqual({ status: 409, code: 'CONFLICT' });
      const created = await Promise.all(emails.map((e) => server.repos.accounts.findByEmail(e)));
      expect(created.filter((a) => a !== undefined)).toHaveLength(1);
    });

    it('adds the role to a signed-in account and replaces its session', async () => {
      const person = await createAccount(server, { name: 'Sid Signedin' });
      const { token } = await invite('moderator', 'plaza');
      const before = (await callApi('listAccounts', on(admin.token))).accounts.length;
      const session = await callApi('acceptInvitation', { ...on(person.token), params: { token }, body: {} });
      expect(session.me.account!.id).toBe(person.id);
      expect(session.me.grants).toEqual([{ role: 'moderator', spaceId: 'plaza' }]);
      expect(session.token).not.toBe(person.token);
      expect((await callApi('me', on(session.token))).grants).toEqual([{ role: 'moderator', spaceId: 'plaza' }]);
      await expectRefused(callApi('me', on(person.token)), 401, 'NOT_ALLOWED');
      expect((await callApi('listAccounts', on(admin.token))).accounts.length).toBe(before);
    });

    it('refuses to create a second account for a taken email and keeps the invitation usable', async () => {
      const existing = await createAccount(server);
      const created = await invite('curator', 'hall-1');
      const accountCreatesBefore = (await auditEntries({ action: 'account.create' })).length;
      await expectRefused(callApi('acceptInvitation', {
        ...on(), params: { token: created.token }, body: { email: existing.email.toUpperCase(), password: 'another password', displayName: 'Copycat' },
      }), 409, 'CONFLICT', /already exists/);
      expect((await auditEntries({ action: 'account.create' })).length).toBe(accountCreatesBefore);
      const { invitations } = await callApi('listInvitations', on(admin.token));
      expect(invitations.find((i) => i.id === created.invitation.id)!.status).toBe('pending');
      expect((await callApi('previewInvitation', { ...on(), params: { token: created.token } })).role).toBe('curator');
      const session = await callApi('acceptInvitation', {
        ...on(), params: { token: created.token }, body: { email: freshEmail('second-try'), password: 'another password', displayName: 'Second Try' },
      });
      expect(session.me.grants).toEqual([{ role: 'curator', spaceId: 'hall-1' }]);
    });

    it('refuses incomplete acceptances and staff-like display names, and keeps the invitation', async () => {
      const { token } = await invite('host', 'townhall');
      const email = freshEmail('incomplete');
      await expectRefused(callApi('acceptInvitation', { ...on(), params: { token }, body: { email, password: 'long enough password' } }), 400, 'INVALID_INPUT');
      await expectRefused(callApi('acceptInvitation', { ...on(), params: { token }, body: { email, password: 'short', displayName: 'Shorty' } }), 400, 'INVALID_INPUT');
      await expectRefused(callApi('acceptInvitation', {
        ...on(), params: { token }, body: { email, password: 'long enough password', displayName: 'Official Host' },
      }), 400, 'INVALID_INPUT', /not allowed/);
      expect(await server.repos.accounts.findByEmail(email)).toBeUndefined();
      expect((await callApi('previewInvitation', { ...on(), params: { token } })).role).toBe('host');
    });

    it('answers NOT_FOUND for withdrawn, expired and unknown invitations', async () => {
      const withdrawn = await invite('host', 'townhall');
      const revoked = await callApi('revokeInvitation', { ...on(admin.token), params: { id: withdrawn.invitation.id } });
      expect(revoked.status).toBe('revoked');
      await expectRefused(callApi('revokeInvitation', { ...on(admin.token), params: { id: withdrawn.invitation.id } }), 409, 'CONFLICT');
      await expectRefused(callApi('previewInvitation', { ...on(), params: { token: withdrawn.token } }), 404, 'NOT_FOUND', /not valid/);
      await expectRefused(callApi('acceptInvitation', {
        ...on(), params: { token: withdrawn.token }, body: { email: freshEmail('withdrawn'), password: 'long enough password', displayName: 'Too Late' },
      }), 404, 'NOT_FOUND');

      // expiresInHours is at least 1, so an invitation that has already expired is made in the store.
      const { token, hash } = newInvitationToken();
      const expired = await server.repos.invitations.create({
        tokenHash: hash, role: 'curator', spaceId: 'hall-1', email: null, note: null, createdBy: admin.id, expiresAt: new Date(Date.now() - 60_000),
      });
      await expectRefused(callApi('previewInvitation', { ...on(), params: { token } }), 404, 'NOT_FOUND', /expired/);
      const email = freshEmail('expired');
      await expectRefused(callApi('acceptInvitation', {
        ...on(), params: { token }, body: { email, password: 'long enough password', displayName: 'Too Late' },
      }), 404, 'NOT_FOUND', /expired/);
      expect(await server.repos.accounts.findByEmail(email)).toBeUndefined();
      const { invitations } = await callApi('listInvitations', on(admin.token));
      expect(invitations.find((i) => i.id === expired.id)!.status).toBe('expired');

      await expectRefused(callApi('previewInvitation', { ...on(), params: { token: newInvitationToken().token } }), 404, 'NOT_FOUND');
      await expectRefused(callApi('previewInvitation', { ...on(), params: { token: 'short' } }), 404, 'NOT_FOUND');
    });

    it('refuses invitations with a wrong scope', async () => {
      await expectRefused(callApi('createInvitation', { ...on(admin.token), body: { role: 'admin', spaceId: 'hall-1' } }), 400, 'INVALID_INPUT');
      await expectRefused(callApi('createInvitation', { ...on(admin.token), body: { role: 'host', spaceId: 'nowhere' } }), 404, 'NOT_FOUND');
    });
  });

  describe('accounts', () => {
    it('changes a password only with the current one, and signs every old session out', async () => {
      const person = await createAccount(server);
      const second = await callApi('login', { ...on(), body: { email: person.email, password: person.password } });
      await expectRefused(callApi('changePassword', {
        ...on(person.token), body: { currentPassword: 'not my password', newPassword: 'a brand new password' },
      }), 403, 'NOT_ALLOWED');
      await expectRefused(callApi('changePassword', {
        ...on(person.token), body: { currentPassword: person.password, newPassword: 'short' },
      }), 400, 'INVALID_INPUT');
      // Neither refusal changed anything.
      expect((await callApi('me', on(second.token))).account!.id).toBe(person.id);

      const changed = await callApi('changePassword', {
        ...on(person.token), body: { currentPassword: person.password, newPassword: 'a brand new password' },
      });
      expect((await callApi('me', on(changed.token))).account!.id).toBe(person.id);
      await expectRefused(callApi('me', on(person.token)), 401, 'NOT_ALLOWED');
      await expectRefused(callApi('me', on(second.token)), 401, 'NOT_ALLOWED');
      await expectRefused(callApi('login', { ...on(), body: { email: person.email, password: person.password } }), 401, 'NOT_ALLOWED');
      const again = await callApi('login', { ...on(), body: { email: person.email, password: 'a brand new password' } });
      expect(again.me.account!.id).toBe(person.id);
      expect(await auditEntries({ action: 'account.password', targetId: person.id })).toHaveLength(1);
    });

    it('signing out or changing the password ends room connections opened with the old sessions', async () => {
      const person = await createAccount(server, { name: 'Sol Signout' });
      const other = await callApi('login', { ...on(), body: { email: person.email, password: person.password } });
      const viaLogout = await joinSpace(server.url, { spaceId: 'hall-1', token: person.token });
      const viaOther = await joinSpace(server.url, { spaceId: 'hall-1', token: other.token });
      const closedByLogout = closeCode(viaLogout);
      let otherCode: number | undefined;
      void closeCode(viaOther).then((code) => { otherCode = code; });

      await callApi('logout', { ...on(person.token), body: {} });
      expect(await closedByLogout).toBe(CloseCode.REMOVED);
      // The other session is still good, and its connection stays.
      expect((await callApi('me', on(other.token))).account!.id).toBe(person.id);
      expect(otherCode).toBeUndefined();

      const changed = await callApi('changePassword', {
        ...on(other.token), body: { currentPassword: person.password, newPassword: 'another long password' },
      });
      await waitFor(() => otherCode !== undefined, 5000, 'the second connection to close');
      expect(otherCode).toBe(CloseCode.REMOVED);
      const back = await joinSpace(server.url, { spaceId: 'hall-1', token: changed.token });
      expect(badge(back)).toBe('visitor');
      await back.leave();
    });

    it('a guest has no password to change', async () => {
      const token = await guestToken(server.url, 'Gus');
      await expectRefused(callApi('changePassword', {
        ...on(token), body: { currentPassword: 'anything at all', newPassword: 'a brand new password' },
      }), 403, 'NOT_ALLOWED');
    });

    it('disabling an account refuses its tokens, closes its room connections, and re-enabling lets it sign in again', async () => {
      const person = await createAccount(server, { name: 'Dana Disabled' });
      const room = await joinSpace(server.url, { spaceId: 'hall-1', token: person.token });
      const onlooker = await joinSpace(server.url, { spaceId: 'hall-1', name: 'Onlooker' });
      await waitFor(() => onlooker.state.avatars.has(room.sessionId), 5000, 'the onlooker to see Dana');
      const closed = closeCode(room);

      const disabled = await callApi('updateAccount', { ...on(admin.token), params: { id: person.id }, body: { disabled: true } });
      expect(disabled.disabledAt).not.toBeNull();
      expect(await closed).toBe(CloseCode.REMOVED);
      await waitFor(() => !onlooker.state.avatars.has(room.sessionId), 5000, 'Dana to disappear for the onlooker');
      await expectRefused(callApi('me', on(person.token)), 401, 'NOT_ALLOWED');
      await expect(joinSpace(server.url, { spaceId: 'hall-1', token: person.token })).rejects.toThrow(/^NOT_ALLOWED/);
      await expectRefused(callApi('login', { ...on(), body: { email: person.email, password: person.password } }), 403, 'NOT_ALLOWED', /disabled/);
      const listed = (await callApi('listAccounts', on(admin.token))).accounts.find((a) => a.id === person.id);
      expect(listed!.disabledAt).toBe(disabled.disabledAt);

      const enabled = await callApi('updateAccount', { ...on(admin.token), params: { id: person.id }, body: { disabled: false } });
      expect(enabled.disabledAt).toBeNull();
      const back = await callApi('login', { ...on(), body: { email: person.email, password: person.password } });
      expect((await callApi('me', on(back.token))).account!.id).toBe(person.id);
      // Sessions ended by disabling stay ended.
      await expectRefused(callApi('me', on(person.token)), 401, 'NOT_ALLOWED');

      expect((await auditEntries({ targetId: person.id })).map((e) => [e.action, e.actorId]))
        .toEqual([['account.enable', admin.id], ['account.disable', admin.id]]);
      await onlooker.leave();
    });

    it('refuses to let an admin disable their own account, or touch an unknown one', async () => {
      await expectRefused(callApi('updateAccount', { ...on(admin.token), params: { id: admin.id }, body: { disabled: true } }), 409, 'CONFLICT');
      await expectRefused(callApi('updateAccount', { ...on(admin.token), params: { id: 'no-such-account' }, body: { disabled: true } }), 404, 'NOT_FOUND');
      expect((await callApi('me', on(admin.token))).account!.disabledAt).toBeNull();
    });

    it('applies grants and revocations live to someone in a room: badge and permissions', async () => {
      const person = await createAccount(server, { name: 'Gina Granted' });
      const room = await joinSpace(server.url, { spaceId: 'townhall', token: person.token });
      const guest = await joinSpace(server.url, { spaceId: 'townhall', name: 'Guest Target' });
      const errors = collectErrors(room);
      expect(badge(room)).toBe('visitor');

      // A grant for another space: the badge here must stay 'visitor' (checked once the next change has landed).
      const elsewhere = await callApi('createGrant', { ...on(admin.token), body: { accountId: person.id, role: 'moderator', spaceId: 'hall-1' } });
      expect(elsewhere).toMatchObject({ accountId: person.id, role: 'moderator', spaceId: 'hall-1', grantedBy: admin.id });
      const here = await callApi('createGrant', { ...on(admin.token), body: { accountId: person.id, role: 'moderator', spaceId: 'townhall' } });
      await waitFor(() => badge(room) === 'moderator', 5000, 'the moderator badge');
      await waitFor(() => badge(guest, room.sessionId) === 'moderator', 5000, 'others to see the badge');

      await callApi('revokeGrant', { ...on(admin.token), params: { id: here.id } });
      await waitFor(() => badge(room) === 'visitor', 5000, 'the badge to go');
      // The moderator grant for hall-1 is still there and gives no badge (and no power) here.
      expect((await callApi('me', on(person.token))).grants).toEqual([{ role: 'moderator', spaceId: 'hall-1' }]);
      await sendUntilRefused(room, errors, ClientMessage.Remove, { sessionId: guest.sessionId }, 'NOT_ALLOWED');
      expect(guest.state.avatars.has(guest.sessionId)).toBe(true);

      // Granted again: the power to remove arrives without a rejoin.
      await callApi('createGrant', { ...on(admin.token), body: { accountId: person.id, role: 'moderator', spaceId: 'townhall' } });
      await waitFor(() => badge(room) === 'moderator', 5000, 'the moderator badge again');
      const removed = closeCode(guest);
      room.send(ClientMessage.Remove, { sessionId: guest.sessionId });
      expect(await removed).toBe(CloseCode.REMOVED);
      await room.leave();
    });

    it('refuses a grant held already, with no second audit entry, and bad grants', async () => {
      const person = await createAccount(server);
      const body = { accountId: person.id, role: 'host', spaceId: 'townhall' } as const;
      await callApi('createGrant', { ...on(admin.token), body });
      await expectRefused(callApi('createGrant', { ...on(admin.token), body }), 409, 'CONFLICT');
      expect(await auditEntries({ action: 'role.grant', targetId: person.id })).toHaveLength(1);
      expect((await callApi('listGrants', on(admin.token))).grants.filter((g) => g.accountId === person.id)).toHaveLength(1);

      await expectRefused(callApi('createGrant', { ...on(admin.token), body: { accountId: person.id, role: 'admin', spaceId: 'townhall' } }), 400, 'INVALID_INPUT');
      await expectRefused(callApi('createGrant', { ...on(admin.token), body: { accountId: person.id, role: 'host', spaceId: 'nowhere' } }), 404, 'NOT_FOUND');
      await expectRefused(callApi('createGrant', { ...on(admin.token), body: { accountId: 'no-such-account', role: 'host' } }), 404, 'NOT_FOUND');
      await expectRefused(callApi('revokeGrant', { ...on(admin.token), params: { id: 'no-such-grant' } }), 404, 'NOT_FOUND');
      expect(await auditEntries({ action: 'role.grant', targetId: person.id })).toHaveLength(1);
    });

    it('shows the audit log to moderators (of their spaces) and admins only, newest first, in pages', async () => {
      const moderator = await createAccount(server, { grants: [{ role: 'moderator', spaceId: 'hall-1' }] });
      const curator = await createAccount(server, { grants: [{ role: 'curator', spaceId: 'hall-1' }] });
      const guest = await guestToken(server.url, 'Nosy');
      // An entry about another space, then enough about the moderator's own for two pages.
      await invite('host', 'townhall');
      for (let i = 0; i < 6; i++) await invite('host', 'hall-1');

      const first = (await callApi('audit', { ...on(moderator.token), query: { limit: 3 } })).entries;
      expect(first).toHaveLength(3);
      const second = (await callApi('audit', { ...on(moderator.token), query: { limit: 3, before: first.at(-1)!.id } })).entries;
      expect(second).toHaveLength(3);
      const both = (await callApi('audit', { ...on(admin.token), query: { limit: 6 } })).entries;
      expect([...first, ...second]).toEqual(both);
      const ids = both.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(new Set(ids).size).toBe(6);
      // A moderator of hall 1 never reads another space's entries (issue 17, finding 12; audit.test.ts).
      const all = (await callApi('audit', { ...on(moderator.token), query: { limit: 500 } })).entries;
      expect(all.every((e) => e.spaceId === 'hall-1')).toBe(true);
      expect((await callApi('audit', { ...on(admin.token), query: { limit: 500 } })).entries.some((e) => e.spaceId === 'townhall')).toBe(true);

      await expectRefused(callApi('audit', on(curator.token)), 403, 'NOT_ALLOWED');
      await expectRefused(callApi('audit', on(guest)), 403, 'NOT_ALLOWED');
      await expectRefused(callApi('audit', on()), 401, 'NOT_ALLOWED');
      await expectRefused(callApi('audit', { ...on(admin.token), query: { limit: 0 } }), 400, 'INVALID_INPUT');
      await expectRefused(callApi('audit', { ...on(admin.token), query: { limit: 501 } }), 400, 'INVALID_INPUT');
      await expectRefused(callApi('audit', { ...on(admin.token), query: { limit: 'many' } }), 400, 'INVALID_INPUT');
      await expectRefused(callApi('audit', { ...on(admin.token), query: { actor: 'me' } }), 400, 'INVALID_INPUT');
    });
  });

  describe('removal from a space', () => {
    it('lets a moderator remove a guest for good, and refuses everyone else', async () => {
      const moderator = await createAccount(server, { name: 'Mo Moderator', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
      const elsewhere = await createAccount(server, { name: 'Hal Moderator', grants: [{ role: 'moderator', spaceId: 'hall-1' }] });
      const hostAdmin = await createAccount(server, { name: 'Hosting Admin', grants: [{ role: 'admin' }, { role: 'host', spaceId: 'townhall' }] });
      const heckler = await guestToken(server.url, 'Heckler');

      const mod = await joinSpace(server.url, { spaceId: 'townhall', token: moderator.token });
      const otherMod = await joinSpace(server.url, { spaceId: 'townhall', token: elsewhere.token });
      const adminRoom = await joinSpace(server.url, { spaceId: 'townhall', token: admin.token });
      const hostAdminRoom = await joinSpace(server.url, { spaceId: 'townhall', token: hostAdmin.token });
      const target = await joinSpace(server.url, { spaceId: 'townhall', token: heckler });
      const visitor = await joinSpace(server.url, { spaceId: 'townhall', name: 'Onlooker' });
      expect([badge(mod), badge(otherMod), badge(adminRoom), badge(hostAdminRoom), badge(target), badge(visitor)])
        .toEqual(['moderator', 'visitor', 'admin', 'host', 'visitor', 'visitor']);
      const modErrors = collectErrors(mod);
      const visitorErrors = collectErrors(visitor);
      const otherErrors = collectErrors(otherMod);
      const everyone = [mod, otherMod, adminRoom, hostAdminRoom, target, visitor];
      await waitFor(() => everyone.every((r) => r.state.avatars.size === everyone.length), 5000, 'everyone to see everyone');
      const stillThere = () => everyone.every((r) => r.state.avatars.has(target.sessionId));

      await sendUntilRefused(visitor, visitorErrors, ClientMessage.Remove, { sessionId: target.sessionId }, 'NOT_ALLOWED');
      await sendUntilRefused(otherMod, otherErrors, ClientMessage.Remove, { sessionId: target.sessionId }, 'NOT_ALLOWED');
      // Alternating codes, so a late answer to one cannot pass for the answer to the next.
      await sendUntilRefused(mod, modErrors, ClientMessage.Remove, { sessionId: adminRoom.sessionId }, 'NOT_ALLOWED');
      await sendUntilRefused(mod, modErrors, ClientMessage.Remove, { sessionId: mod.sessionId }, 'INVALID_INPUT');
      await sendUntilRefused(mod, modErrors, ClientMessage.Remove, { sessionId: hostAdminRoom.sessionId }, 'NOT_ALLOWED');
      await sendUntilRefused(mod, modErrors, ClientMessage.Remove, { sessionId: 'nobody-here' }, 'NOT_FOUND');
      await sendUntilRefused(mod, modErrors, ClientMessage.Remove, { sessionId: '' }, 'INVALID_INPUT');
      expect(stillThere()).toBe(true);
      expect(everyone.every((r) => r.state.avatars.has(adminRoom.sessionId) && r.state.avatars.has(hostAdminRoom.sessionId))).toBe(true);
      const removalsBy = async (actorId: string) => (await auditEntries({ action: 'space.remove' })).filter((e) => e.actorId === actorId);
      expect(await removalsBy(moderator.id)).toEqual([]);

      const closed = closeCode(target);
      mod.send(ClientMessage.Remove, { sessionId: target.sessionId, reason: 'Shouting over the speaker' });
      expect(await closed).toBe(CloseCode.REMOVED);
      await waitFor(() => [mod, visitor, adminRoom].every((r) => !r.state.avatars.has(target.sessionId)), 5000, 'the avatar to go for everyone');
      expect(await removalsBy(moderator.id)).toEqual([expect.objectContaining({
        targetType: 'session', targetId: sessionIdOf(heckler),
        detail: { spaceId: 'townhall', name: 'Heckler', accountId: null, reason: 'Shouting over the speaker' },
      })]);
      await expect(joinSpace(server.url, { spaceId: 'townhall', token: heckler })).rejects.toThrow(/^NOT_ALLOWED: A moderator removed you/);

      // Signing in again does not get an account holder back in: the removal names the account.
      const member = await createAccount(server, { name: 'Rita Rejoin' });
      const memberRoom = await joinSpace(server.url, { spaceId: 'townhall', token: member.token });
      const memberClosed = closeCode(memberRoom);
      mod.send(ClientMessage.Remove, { sessionId: memberRoom.sessionId });
      expect(await memberClosed).toBe(CloseCode.REMOVED);
      const fresh = await callApi('login', { ...on(), body: { email: member.email, password: member.password } });
      await expect(joinSpace(server.url, { spaceId: 'townhall', token: fresh.token })).rejects.toThrow(/^NOT_ALLOWED: A moderator removed you/);

      // An admin may remove a moderator.
      const modClosed = closeCode(mod);
      adminRoom.send(ClientMessage.Remove, { sessionId: mod.sessionId });
      expect(await modClosed).toBe(CloseCode.REMOVED);
      await Promise.all([otherMod, adminRoom, hostAdminRoom, visitor].map((r) => r.leave()));
    });
  });
});

// One server at a time per process: Colyseus' matchmaker is process-wide, and closing a server shuts it down.
describe('the last admin', () => {
  let own: Server;
  beforeAll(async () => {
    own = await bootServer();
  });
  afterAll(async () => {
    await own.close();
  });

  const adminGrantOf = async (s: Server, accountId: string) => (await s.repos.roles.listForAccount(accountId)).find((g) => g.role === 'admin')!;

  it('keeps at least one admin who can sign in', async () => {
    const first = await createAccount(own, { grants: [{ role: 'admin' }] });
    const opts = (token: string) => ({ baseUrl: own.http, token });
    await expectRefused(callApi('revokeGrant', { ...opts(first.token), params: { id: (await adminGrantOf(own, first.id)).id } }), 409, 'CONFLICT', /last admin/);

    const second = await createAccount(own, { grants: [{ role: 'admin' }] });
    await callApi('revokeGrant', { ...opts(second.token), params: { id: (await adminGrantOf(own, first.id)).id } });
    // Roles are read fresh on every request: the first is no admin any more.
    await expectRefused(callApi('listAccounts', opts(first.token)), 403, 'NOT_ALLOWED');
    await expectRefused(callApi('revokeGrant', { ...opts(second.token), params: { id: (await adminGrantOf(own, second.id)).id } }), 409, 'CONFLICT');

    // A disabled admin cannot sign in, so does not count.
    const third = await createAccount(own, { grants: [{ role: 'admin' }] });
    await callApi('updateAccount', { ...opts(second.token), params: { id: third.id }, body: { disabled: true } });
    await expectRefused(callApi('revokeGrant', { ...opts(second.token), params: { id: (await adminGrantOf(own, second.id)).id } }), 409, 'CONFLICT');
    expect((await callApi('me', opts(second.token))).grants).toEqual([{ role: 'admin', spaceId: null }]);
  });
});
