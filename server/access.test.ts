import { randomUUID } from 'node:crypto';
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ALL_ACTIONS, allows, type Action, type Grant, type Principal } from '../shared/access.js';
import { API } from '../shared/protocol/api.js';
import { ApiCallError, callApi, requestGuestSession } from '../shared/protocol/apiClient.js';
import { CloseCode, parseJoinError } from '../shared/protocol/errors.js';
import { ClientMessage, MESSAGE_ACTIONS, type MoveInput } from '../shared/protocol/messages.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { newInvitationToken } from './auth/invitationTokens.js';
import { bootServer, closeCode, collectErrors, createAccount, joinSpace, waitFor, type SpaceRoomClient } from './testing/harness.js';

/**
 * The permissions table, walked for real: every action, tried by every kind of person against
 * a running server (HTTP routes with callApi, room messages with colyseus.js clients). The
 * outcome must match what shared/access.ts says, so a route or message that forgets its check,
 * or a row that drifts from what the server does, fails here.
 */

type Outcome = 'allowed' | 'denied';
type Server = Awaited<ReturnType<typeof bootServer>>;

const SPACE = 'plaza';

interface Actor {
  label: string;
  principal: Principal | null;
  /** A fresh session token for one attempt (null: no session). */
  token(): Promise<string | null>;
  /** Credentials to sign in with (the actor's own, or a bystander's for people without an account). */
  credentials: { email: string; password: string };
  /** A brand-new account with the same grants, for attempts that use up their account. */
  clone(): Promise<{ token: string; password: string } | null>;
}

let server: Server;
let bystander: { email: string; password: string };
const actors: Actor[] = [];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 8)}`;

async function accountActor(label: string, grants: Grant[]): Promise<Actor> {
  const made = await createAccount(server, { name: label, grants });
  return {
    label,
    principal: { kind: 'account', grants },
    credentials: { email: made.email, password: made.password },
    token: async () => (await callApi('login', { baseUrl: server.http, body: { email: made.email, password: made.password } })).token,
    clone: async () => {
      const copy = await createAccount(server, { name: `${label} copy`, grants });
      return { token: copy.token, password: copy.password };
    },
  };
}

/** Runs an HTTP attempt: NOT_ALLOWED means denied; any other refusal is a broken attempt. */
async function http(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return 'allowed';
  } catch (err) {
    if (err instanceof ApiCallError && err.code === 'NOT_ALLOWED') return 'denied';
    throw err;
  }
}

/** Joins the test space with this token; a join refused with NOT_ALLOWED is a denial. */
async function enter(token: string | null): Promise<SpaceRoomClient | 'denied'> {
  if (token === null) {
    const err: unknown = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: SPACE }).then(
      (room) => { void room.leave(); return new Error('joined without a session'); },
      (e: unknown) => e,
    );
    if (err instanceof Error && parseJoinError(err.message).code === 'NOT_ALLOWED') return 'denied';
    throw err;
  }
  return joinSpace(server.url, { spaceId: SPACE, token });
}

/** Sends a room message and waits for its effect (allowed) or a NOT_ALLOWED refusal (denied). */
async function message(room: SpaceRoomClient, type: string, body: unknown, effect: () => boolean): Promise<Outcome> {
  const errors = collectErrors(room);
  room.send(type, body);
  let outcome: Outcome | undefined;
  await waitFor(() => {
    if (effect()) outcome = 'allowed';
    const refusal = errors.find((e) => e.ref === type);
    if (refusal) {
      if (refusal.code !== 'NOT_ALLOWED') throw new Error(`${type} refused with ${refusal.code}: ${refusal.message}`);
      outcome = 'denied';
    }
    return outcome;
  }, 5000, `the outcome of "${type}"`);
  return outcome!;
}

async function pendingInvitation(): Promise<string> {
  const { token, hash } = newInvitationToken();
  await server.repos.invitations.create({
    tokenHash: hash, role: 'curator', spaceId: 'hall-1', email: null, note: null, createdBy: null,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return token;
}

async function victimAccount(): Promise<string> {
  const account = await server.repos.accounts.create({ email: `${unique('victim')}@example.org`, passwordHash: 'not-a-hash', displayName: 'Victim' });
  return account.id;
}

const ATTEMPTS: Record<Action, (actor: Actor) => Promise<Outcome>> = {
  'space.move': async (actor) => {
    const room = await enter(await actor.token());
    if (room === 'denied') return 'denied';
    try {
      const input: MoveInput = { seq: 1, forward: 1, strafe: 0, run: false, yaw: 0 };
      return await message(room, ClientMessage.Input, input, () => room.state.avatars.get(room.sessionId)?.ack === 1);
    } finally {
      await room.leave();
    }
  },
  'space.remove': async (actor) => {
    const room = await enter(await actor.token());
    if (room === 'denied') return 'denied';
    const victim = await joinSpace(server.url, { spaceId: SPACE, name: unique('Victim') });
    const closed = closeCode(victim);
    let victimCode: number | undefined;
    void closed.then((code) => { victimCode = code; });
    try {
      const outcome = await message(room, ClientMessage.Remove, { sessionId: victim.sessionId }, () => victimCode !== undefined);
      if (outcome === 'allowed') expect(victimCode).toBe(CloseCode.REMOVED);
      return outcome;
    } finally {
      await room.leave();
      if (victimCode === undefined) await victim.leave();
    }
  },

  'session.guest': () => http(() => callApi('guestSession', { baseUrl: server.http, body: { name: unique('Guest') } })),
  'session.login': (actor) => http(() => callApi('login', { baseUrl: server.http, body: actor.credentials })),
  'session.read': async (actor) => http(async () => callApi('me', { baseUrl: server.http, token: await actor.token() })),
  'session.logout': async (actor) => http(async () => callApi('logout', { baseUrl: server.http, token: await actor.token(), body: {} })),
  'account.password': async (actor) => {
    // Changing a password signs the account out everywhere: use a copy of the actor's account.
    const copy = await actor.clone();
    const token = copy?.token ?? await actor.token();
    return http(() => callApi('changePassword', {
      baseUrl: server.http, token,
      body: { currentPassword: copy?.password ?? 'whatever it was', newPassword: 'a brand new password' },
    }));
  },

  'ops.health': () => http(() => callApi('health', { baseUrl: server.http })),
  'ops.metrics': () => http(async () => {
    const res = await fetch(`${server.http}/metrics`);
    if (!res.ok) throw new ApiCallError('INTERNAL', `HTTP ${res.status}`, res.status);
  }),
  'api.describe': () => http(() => callApi('openapi', { baseUrl: server.http })),
  'spaces.list': () => http(() => callApi('listSpaces', { baseUrl: server.http })),
  'spaces.read': () => http(() => callApi('getSpace', { baseUrl: server.http, params: { id: SPACE } })),

  'invitation.read': async (actor) => http(async () => callApi('previewInvitation', {
    baseUrl: server.http, token: await actor.token(), params: { token: await pendingInvitation() },
  })),
  'invitation.accept': async (actor) => {
    // Accepting adds a role to the account (or creates one): use a copy of the actor's account.
    const copy = await actor.clone();
    const token = copy?.token ?? await actor.token();
    return http(async () => callApi('acceptInvitation', {
      baseUrl: server.http, token, params: { token: await pendingInvitation() },
      body: token === null || copy === null ? { email: `${unique('invitee')}@example.org`, password: 'a long enough password', displayName: 'Invitee' } : {},
    }));
  },

  'admin.accounts.list': async (actor) => http(async () => callApi('listAccounts', { baseUrl: server.http, token: await actor.token() })),
  'admin.accounts.update': async (actor) => http(async () => callApi('updateAccount', {
    baseUrl: server.http, token: await actor.token(), params: { id: await victimAccount() }, body: { disabled: true },
  })),
  'admin.invitations.list': async (actor) => http(async () => callApi('listInvitations', { baseUrl: server.http, token: await actor.token() })),
  'admin.invitations.create': async (actor) => http(async () => callApi('createInvitation', {
    baseUrl: server.http, token: await actor.token(), body: { role: 'host', spaceId: 'townhall' },
  })),
  'admin.invitations.revoke': async (actor) => {
    const { token, hash } = newInvitationToken();
    void token;
    const invitation = await server.repos.invitations.create({
      tokenHash: hash, role: 'host', spaceId: null, email: null, note: null, createdBy: null, expiresAt: new Date(Date.now() + 3600_000),
    });
    return http(async () => callApi('revokeInvitation', { baseUrl: server.http, token: await actor.token(), params: { id: invitation.id } }));
  },
  'admin.grants.list': async (actor) => http(async () => callApi('listGrants', { baseUrl: server.http, token: await actor.token() })),
  'admin.grants.create': async (actor) => http(async () => callApi('createGrant', {
    baseUrl: server.http, token: await actor.token(), body: { accountId: await victimAccount(), role: 'curator', spaceId: 'hall-1' },
  })),
  'admin.grants.revoke': async (actor) => {
    const grant = await server.repos.roles.grant({ accountId: await victimAccount(), role: 'host', spaceId: null });
    return http(async () => callApi('revokeGrant', { baseUrl: server.http, token: await actor.token(), params: { id: grant.id } }));
  },
  'audit.read': async (actor) => http(async () => callApi('audit', { baseUrl: server.http, token: await actor.token(), query: { limit: 5 } })),
};

beforeAll(async () => {
  server = await bootServer();
  const someone = await createAccount(server, { name: 'Bystander' });
  bystander = { email: someone.email, password: someone.password };
  actors.push({
    label: 'anonymous', principal: null, credentials: bystander,
    token: async () => null, clone: async () => null,
  });
  actors.push({
    label: 'guest', principal: { kind: 'guest', grants: [] }, credentials: bystander,
    token: async () => (await requestGuestSession(server.http, unique('Guest'))).token, clone: async () => null,
  });
  const specs: [string, Grant[]][] = [
    ['visitor account', []],
    ['host of plaza', [{ role: 'host', spaceId: SPACE }]],
    ['moderator of plaza', [{ role: 'moderator', spaceId: SPACE }]],
    ['moderator of hall-1', [{ role: 'moderator', spaceId: 'hall-1' }]],
    ['curator of plaza', [{ role: 'curator', spaceId: SPACE }]],
    ['host everywhere', [{ role: 'host', spaceId: null }]],
    ['moderator everywhere', [{ role: 'moderator', spaceId: null }]],
    ['curator everywhere', [{ role: 'curator', spaceId: null }]],
    ['admin', [{ role: 'admin', spaceId: null }]],
  ];
  for (const [label, grants] of specs) actors.push(await accountActor(label, grants));
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('the permissions table', () => {
  it('names every action the server has, and nothing else', () => {
    const used = new Set<string>([...Object.values(API).map((e) => e.action), ...Object.values(MESSAGE_ACTIONS)]);
    expect([...used].sort()).toEqual([...ALL_ACTIONS].sort());
    expect(Object.keys(ATTEMPTS).sort()).toEqual([...ALL_ACTIONS].sort());
  });

  it('keeps administration to admins and moderation to moderators', () => {
    for (const action of ALL_ACTIONS.filter((a) => a.startsWith('admin.'))) expect(ACTIONS[action].roles, action).toEqual(['admin']);
    expect(allows('space.remove', { kind: 'account', grants: [{ role: 'moderator', spaceId: 'hall-1' }] }, SPACE)).toBe(false);
    expect(allows('account.password', { kind: 'guest', grants: [] })).toBe(false);
  });

  it.each(ALL_ACTIONS)('%s: every kind of person gets what the table says', async (action) => {
    const mismatches: string[] = [];
    for (const actor of actors) {
      const expected: Outcome = allows(action, actor.principal, SPACE) ? 'allowed' : 'denied';
      const actual = await ATTEMPTS[action](actor);
      if (actual !== expected) mismatches.push(`${actor.label}: expected ${expected}, got ${actual}`);
    }
    expect(mismatches).toEqual([]);
  }, 60_000);
});
