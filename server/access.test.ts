import { randomUUID } from 'node:crypto';
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ALL_ACTIONS, allows, type Action, type Grant, type Principal } from '../shared/access.js';
import { API } from '../shared/protocol/api.js';
import { ApiCallError, callApi, requestGuestSession } from '../shared/protocol/apiClient.js';
import { CloseCode, parseJoinError } from '../shared/protocol/errors.js';
import { ClientMessage, MESSAGE_ACTIONS, type MoveInput } from '../shared/protocol/messages.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { getSpace } from '../shared/spaces/catalog.js';
import { stageAt } from '../shared/spaces/collision.js';
import { newInvitationToken } from './auth/invitationTokens.js';
import { act, attempt, hall, joinHall, me, type Tracked } from './testing/hall.js';
import { makePng } from './testing/files.js';
import { bootServer, closeCode, createAccount, TEST_METRICS_TOKEN, waitFor } from './testing/harness.js';
import { sha256Of } from './testing/sampleFiles.js';

/**
 * The permissions table, walked for real: every action, tried by every kind of person against
 * a running server (HTTP routes with callApi, or fetch where the body or answer is a file; room
 * messages with colyseus.js clients in the town hall, where every message type has a use). The
 * outcome must match what shared/access.ts says, so a route or message that forgets its check,
 * or a row that drifts from what the server does, fails here.
 *
 * An attempt is 'allowed' only when its effect is seen (a state change, an ack, an HTTP
 * success) and 'denied' only on a NOT_ALLOWED refusal; any other refusal fails the walk, so
 * each attempt first sets up what it needs (a live event, a pending question, someone at the
 * floor microphone...).
 */

type Outcome = 'allowed' | 'denied';
type Server = Awaited<ReturnType<typeof bootServer>>;

const townhall = getSpace('townhall')!;
const SPACE = 'townhall';

interface Actor {
  label: string;
  principal: Principal | null;
  /** A fresh session token for one attempt (null: no session). */
  token(): Promise<string | null>;
  /** Credentials to sign in with (the actor's own, or a bystander's for people without an account). */
  credentials: { email: string; password: string };
  /** A brand-new account with the same grants, for attempts that use up their account. */
  clone(): Promise<{ token: string; password: string } | null>;
  /** The seat this actor uses (each its own, so nobody finds it taken). */
  seat: number;
  /** This actor's one connection to the town hall, opened on first use (reused by every room attempt). */
  connection?: Tracked;
}

let server: Server;
let bystander: { email: string; password: string };
const actors: Actor[] = [];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 8)}`;

/** An admin who sets the stage for attempts (starts events, approves, calls to the floor) and watches. */
let chair: Tracked;
let chairToken: string;
/** Someone a moderator can call to the floor. */
let speaker: Tracked;

async function accountActor(label: string, grants: Grant[], seat: number): Promise<Actor> {
  const made = await createAccount(server, { name: label, grants });
  return {
    label,
    seat,
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

/** A request callApi does not make (a raw file body, a file in answer), refused the way callApi refuses. */
async function raw(method: 'GET' | 'POST', url: string, token: string | null, body?: { bytes: Uint8Array; type: string }): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body) headers['content-type'] = body.type;
  const res = await fetch(`${server.http}${url}`, { method, headers, body: body ? new Uint8Array(body.bytes) : null });
  if (!res.ok) {
    const refusal = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiCallError(refusal.code ?? 'INTERNAL', refusal.message ?? `HTTP ${res.status}`, res.status);
  }
  return res;
}

async function guest(name = unique('Guest')): Promise<Tracked> {
  return joinHall(server.url, { spaceId: SPACE, name });
}

/**
 * Runs a room attempt on the actor's own connection. Without a session there is no
 * connection: joining itself is refused with NOT_ALLOWED, which is the denial.
 */
async function inRoom(actor: Actor, work: (t: Tracked) => Promise<Outcome>): Promise<Outcome> {
  if (actor.principal === null) {
    const err: unknown = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: SPACE }).then(
      (room) => { void room.leave(); return new Error('joined without a session'); },
      (e: unknown) => e,
    );
    if (err instanceof Error && parseJoinError(err.message).code === 'NOT_ALLOWED') return 'denied';
    throw err;
  }
  if (!actor.connection) {
    const token = await actor.token();
    actor.connection = await joinHall(server.url, { spaceId: SPACE, token: token! });
  }
  return work(actor.connection);
}

/** Sends a room message and waits for its effect (allowed) or a NOT_ALLOWED refusal (denied). */
async function message(t: Tracked, type: string, body: unknown, effect: () => unknown): Promise<Outcome> {
  if (effect()) throw new Error(`the effect of "${type}" is there before it was sent: the attempt proves nothing`);
  const outcome = await attempt(t, type, body, effect);
  if (outcome === 'done') return 'allowed';
  if (outcome.code !== 'NOT_ALLOWED') throw new Error(`${type} refused with ${outcome.code}: ${outcome.message}`);
  return 'denied';
}

// Preconditions, set up by the chair (an admin) and checked against the store.

/** A live event in the town hall: the one there is, or a new one created over HTTP and started. */
async function liveEvent(): Promise<string> {
  const shown = hall(chair).event;
  if (shown.state === 'live') return shown.id;
  const event = await callApi('createEvent', {
    baseUrl: server.http, token: chairToken,
    body: { spaceId: SPACE, title: unique('Walk event'), startsAt: new Date().toISOString() },
  });
  await waitFor(() => hall(chair).event.id === event.id, 5000, 'the room to show the new event');
  await act(chair, ClientMessage.EventRun, { action: 'start' }, () => hall(chair).event.state === 'live');
  return event.id;
}

let pendingId: string | undefined;
let approvedId: string | undefined;

/** A question of the live event waiting for moderation, asked by a guest of its own (asking is rate limited per person). */
async function pendingQuestion(): Promise<string> {
  const eventId = await liveEvent();
  const known = pendingId ? await server.repos.questions.get(pendingId) : undefined;
  if (known?.state === 'pending' && known.eventId === eventId) return known.id;
  const asker = await guest(unique('Asker'));
  const from = asker.acks.length;
  await act(asker, ClientMessage.Ask, { text: `Shall we walk the table, ${unique('question')}?` }, () => asker.acks.slice(from).some((a) => a.ref === ClientMessage.Ask));
  pendingId = asker.acks.slice(from).find((a) => a.ref === ClientMessage.Ask)!.id!;
  await asker.room.leave();
  return pendingId;
}

/** An approved question of the live event, that anyone may vote for. */
async function approvedQuestion(): Promise<string> {
  const eventId = await liveEvent();
  const known = approvedId ? await server.repos.questions.get(approvedId) : undefined;
  if (known?.state === 'approved' && known.eventId === eventId) return known.id;
  const id = await pendingQuestion();
  await act(chair, ClientMessage.ModerateQuestion, { id, action: 'approve' }, () => hall(chair).questions.get(id)?.state === 'approved');
  approvedId = id;
  return id;
}

/** Nobody at the floor microphone (the holder is '', or not yet set in a new room). */
async function floorFree(): Promise<void> {
  if (hall(chair).floor.holder) await act(chair, ClientMessage.FloorEnd, {}, () => !hall(chair).floor.holder);
}

/** This connection at the floor microphone (during a live event). */
async function atFloor(t: Tracked): Promise<void> {
  await liveEvent();
  const holder = () => hall(chair).floor.holder;
  if (holder() === t.room.sessionId) return;
  await floorFree();
  await act(chair, ClientMessage.FloorCall, { sessionId: t.room.sessionId, seconds: 900 }, () => holder() === t.room.sessionId);
  await waitFor(() => hall(t).floor.holder === t.room.sessionId, 5000, 'the holder to see the floor is theirs');
}

/** Standing, away from the floor microphone, with the hand down. */
async function standingFree(t: Tracked): Promise<void> {
  if (hall(chair).floor.holder === t.room.sessionId) await floorFree();
  if (me(t).seat >= 0) await act(t, ClientMessage.Stand, {}, () => me(t).seat === -1);
  if (me(t).hand > 0) await act(t, ClientMessage.Hand, { up: false }, () => me(t).hand === 0);
}

/** A file an admin uploaded, for anyone to download. */
const TINY_PNG = makePng(1, 1);
let uploadedSha: string | undefined;
async function uploadedFile(): Promise<string> {
  if (uploadedSha) return uploadedSha;
  await raw('POST', '/api/assets?kind=image&name=tiny.png', chairToken, { bytes: TINY_PNG, type: 'image/png' });
  uploadedSha = sha256Of(TINY_PNG);
  return uploadedSha;
}

let muteVictim: Tracked | undefined;

/** A consensus question in the town hall (attempts at consensus.manage ask new ones; any will do). */
async function consensusQuestion(): Promise<void> {
  const { conversation } = await callApi('consensus', { baseUrl: server.http, params: { id: SPACE } });
  if (!conversation) await callApi('askConsensus', { baseUrl: server.http, token: chairToken, params: { id: SPACE }, body: { question: 'Shall the walk go on?' } });
}

/** A statement of the current question: accepted (the chair's own), or waiting for a moderator (a new guest's). */
async function consensusStatement(state: 'accepted' | 'pending'): Promise<number> {
  await consensusQuestion();
  const token = state === 'accepted' ? chairToken : (await requestGuestSession(server.http, unique('Proposer'))).token;
  const added = await callApi('submitStatement', { baseUrl: server.http, token, params: { id: SPACE }, body: { text: `The walk says ${unique('so')}` } });
  expect(added.state).toBe(state);
  return added.number;
}

const ATTEMPTS: Record<Action, (actor: Actor) => Promise<Outcome>> = {
  'space.move': (actor) => inRoom(actor, async (t) => {
    await standingFree(t);
    const input: MoveInput = { seq: ++t.seq, forward: 1, strafe: 0, run: false, yaw: 0 };
    return message(t, ClientMessage.Input, input, () => me(t).ack === input.seq);
  }),
  'space.remove': (actor) => inRoom(actor, async (t) => {
    const victim = await guest(unique('Victim'));
    let victimCode: number | undefined;
    void closeCode(victim.room).then((code) => { victimCode = code; });
    try {
      const outcome = await message(t, ClientMessage.Remove, { sessionId: victim.room.sessionId }, () => victimCode !== undefined);
      if (outcome === 'allowed') expect(victimCode).toBe(CloseCode.REMOVED);
      return outcome;
    } finally {
      if (victimCode === undefined) await victim.room.leave();
    }
  }),
  'space.mute': (actor) => inRoom(actor, async (t) => {
    const victim = muteVictim ??= await guest(unique('Loud'));
    const from = t.acks.length;
    const outcome = await message(t, ClientMessage.Mute, { sessionId: victim.room.sessionId, muted: true, reason: 'walking the table' },
      () => t.acks.slice(from).some((a) => a.ref === ClientMessage.Mute && a.id === victim.room.sessionId));
    if (outcome === 'allowed') {
      // Used up: the next attempt mutes someone who is not muted yet.
      muteVictim = undefined;
      await victim.room.leave();
    }
    return outcome;
  }),
  'space.ban': (actor) => inRoom(actor, async (t) => {
    // An account: a guest's ban also bans their address, and every test client is 127.0.0.1.
    const account = await createAccount(server, { name: unique('Banned') });
    const victim = await joinHall(server.url, { spaceId: SPACE, token: account.token });
    let victimCode: number | undefined;
    void closeCode(victim.room).then((code) => { victimCode = code; });
    try {
      const outcome = await message(t, ClientMessage.Ban, { sessionId: victim.room.sessionId, reason: 'walking the table' }, () => victimCode !== undefined);
      if (outcome === 'allowed') expect(victimCode).toBe(CloseCode.REMOVED);
      return outcome;
    } finally {
      if (victimCode === undefined) await victim.room.leave();
    }
  }),
  'seat.sit': (actor) => inRoom(actor, async (t) => {
    await standingFree(t);
    return message(t, ClientMessage.Sit, { seat: actor.seat }, () => me(t).seat === actor.seat);
  }),
  'seat.stand': (actor) => inRoom(actor, async (t) => {
    await standingFree(t);
    await act(t, ClientMessage.Sit, { seat: actor.seat }, () => me(t).seat === actor.seat);
    return message(t, ClientMessage.Stand, {}, () => me(t).seat === -1);
  }),
  'question.ask': (actor) => inRoom(actor, async (t) => {
    await liveEvent();
    const from = t.acks.length;
    return message(t, ClientMessage.Ask, { text: `May ${actor.label} ask ${unique('this')}?` },
      () => t.acks.slice(from).some((a) => a.ref === ClientMessage.Ask));
  }),
  'question.vote': (actor) => inRoom(actor, async (t) => {
    const id = await approvedQuestion();
    const before = (await server.repos.questions.get(id))!.votes;
    await waitFor(() => hall(t).questions.get(id)?.votes === before, 5000, 'the question as it stands');
    return message(t, ClientMessage.Vote, { id, up: true }, () => hall(t).questions.get(id)?.votes === before + 1);
  }),
  'question.moderate': (actor) => inRoom(actor, async (t) => {
    const id = await pendingQuestion();
    return message(t, ClientMessage.ModerateQuestion, { id, action: 'approve' }, () => hall(t).questions.get(id)?.state === 'approved');
  }),
  'hand.raise': (actor) => inRoom(actor, async (t) => {
    await standingFree(t);
    return message(t, ClientMessage.Hand, { up: true }, () => me(t).hand > 0);
  }),
  'floor.call': (actor) => inRoom(actor, async (t) => {
    await liveEvent();
    await floorFree();
    return message(t, ClientMessage.FloorCall, { sessionId: speaker.room.sessionId, seconds: 60 },
      () => hall(t).floor.holder === speaker.room.sessionId);
  }),
  'floor.manage': (actor) => inRoom(actor, async (t) => {
    await atFloor(speaker);
    const endsAt = hall(chair).floor.endsAt;
    await waitFor(() => hall(t).floor.endsAt === endsAt, 5000, 'the turn as it stands');
    const extend = await message(t, ClientMessage.FloorExtend, { seconds: 60 }, () => hall(t).floor.endsAt === endsAt + 60_000);
    // Both messages of this action must agree.
    const end = await message(t, ClientMessage.FloorEnd, {}, () => !hall(t).floor.holder);
    if (end !== extend) throw new Error(`floorExtend was ${extend} but floorEnd was ${end}`);
    return extend;
  }),
  'floor.release': (actor) => inRoom(actor, async (t) => {
    await atFloor(t);
    return message(t, ClientMessage.FloorRelease, {}, () => !hall(t).floor.holder);
  }),
  'event.run': (actor) => inRoom(actor, async (t) => {
    const id = await liveEvent();
    await waitFor(() => hall(t).event.id === id && hall(t).event.state === 'live', 5000, 'the live event');
    // Both messages of this action must agree: going to the stage, and ending the event.
    const stage = await message(t, ClientMessage.GoToStage, {}, () => stageAt(townhall, me(t).x, me(t).z) !== undefined);
    const run = await message(t, ClientMessage.EventRun, { action: 'end' }, () => hall(t).event.id === id && hall(t).event.state === 'ended');
    if (stage !== run) throw new Error(`goToStage was ${stage} but eventRun was ${run}`);
    return run;
  }),
  'reaction.send': (actor) => inRoom(actor, async (t) => {
    // No ack: the aggregated burst, naming the sender, reaches someone else.
    const from = chair.bursts.length;
    return message(t, ClientMessage.React, { kind: 'applause' },
      () => chair.bursts.slice(from).some((b) => b.from.applause.includes(t.room.sessionId)));
  }),
  'exhibit.edit': (actor) => inRoom(actor, async (t) => {
    // Curation works in every space, the town hall included; entering edit mode is acknowledged.
    const from = t.acks.length;
    return message(t, ClientMessage.EditMode, { on: true }, () => t.acks.slice(from).some((a) => a.ref === ClientMessage.EditMode));
  }),

  'session.guest': () => http(() => callApi('guestSession', { baseUrl: server.http, body: { name: unique('Guest') } })),
  'session.login': (actor) => http(() => callApi('login', { baseUrl: server.http, body: actor.credentials })),
  'session.read': async (actor) => http(async () => callApi('me', { baseUrl: server.http, token: await actor.token() })),
  'look.read': async (actor) => http(async () => callApi('getLook', { baseUrl: server.http, token: await actor.token() })),
  'look.write': async (actor) => http(async () => callApi('setLook', {
    baseUrl: server.http, token: await actor.token(), body: { top: 1, bottom: 2, skin: 3, hair: 4, hairColour: 5 },
  })),
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
  // Metrics are for anyone holding METRICS_TOKEN (the operator), whatever their role.
  'ops.metrics': () => http(async () => {
    const res = await fetch(`${server.http}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
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
    const { hash } = newInvitationToken();
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

  'events.list': async (actor) => http(async () => callApi('listEvents', { baseUrl: server.http, token: await actor.token(), query: { spaceId: SPACE } })),
  'events.read': async (actor) => http(async () => callApi('getEvent', { baseUrl: server.http, token: await actor.token(), params: { id: await liveEvent() } })),
  'events.record': async (actor) => http(async () => callApi('eventRecord', { baseUrl: server.http, token: await actor.token(), params: { id: await liveEvent() } })),
  'events.create': async (actor) => http(async () => callApi('createEvent', {
    baseUrl: server.http, token: await actor.token(),
    // Far ahead, so the town hall keeps showing the event the walk uses.
    body: { spaceId: SPACE, title: unique('Scheduled by the walk'), startsAt: '2099-06-01T18:00:00Z' },
  })),
  'events.update': async (actor) => {
    const event = await server.repos.events.create({
      spaceId: SPACE, title: unique('To be renamed'), description: '', startsAt: new Date('2099-07-01T18:00:00Z'), autoApprove: false, createdBy: null,
    });
    return http(async () => callApi('updateEvent', { baseUrl: server.http, token: await actor.token(), params: { id: event.id }, body: { title: unique('Renamed') } }));
  },

  'voice.join': async (actor) => {
    const token = await actor.token();
    // Someone with a session asks for the voice of a connection of their own; without one, there is none to ask for.
    const own = token ? await joinHall(server.url, { spaceId: SPACE, token }) : chair;
    try {
      return await http(async () => {
        const grant = await callApi('voiceToken', { baseUrl: server.http, token, body: { spaceId: SPACE, roomId: own.room.roomId, sessionId: own.room.sessionId } });
        expect(grant.identity).toBe(own.room.sessionId);
      });
    } finally {
      if (own !== chair) await own.room.leave();
    }
  },
  'exhibits.read': async (actor) => http(async () => callApi('publishedExhibits', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE } })),
  // The town hall's draft may be empty: publishing an empty draft is allowed (it empties what visitors see).
  'exhibits.publish': async (actor) => http(async () => callApi('publish', {
    baseUrl: server.http, token: await actor.token(), params: { id: SPACE }, body: { note: unique('Published by the walk') },
  })),
  'exhibits.history': async (actor) => http(async () => callApi('listVersions', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE } })),
  'assets.upload': async (actor) => http(async () => {
    const res = await raw('POST', '/api/assets?kind=image&name=walk.png', await actor.token(), { bytes: TINY_PNG, type: 'image/png' });
    expect(res.status).toBe(201);
  }),
  'assets.read': async (actor) => http(async () => {
    const sha = await uploadedFile();
    const res = await raw('GET', `/api/assets/${sha}`, await actor.token());
    expect(Buffer.from(await res.arrayBuffer())).toEqual(TINY_PNG);
  }),
  'twins.read': async (actor) => http(async () => {
    const { models } = await callApi('twinModels', { baseUrl: server.http, token: await actor.token() });
    expect(models.map((m) => m.id).sort()).toEqual(['carbon-dividend', 'congestion-charge']);
  }),

  'ballots.read': async (actor) => http(async () => callApi('listBallots', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE } })),
  'ballots.manage': async (actor) => http(async () => callApi('createBallot', {
    baseUrl: server.http, token: await actor.token(), params: { id: SPACE }, body: { title: unique('Set up by the walk'), proposals: [{ title: 'This' }, { title: 'That' }] },
  })),
  'members.invite': async (actor) => http(async () => {
    const result = await callApi('inviteMembers', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE }, body: { csv: `${unique('member')}@example.org` } });
    expect(result.invited).toHaveLength(1);
  }),
  // An open ballot that takes accounts and guests: everyone with a session may cast.
  'ballots.vote': async (actor) => {
    const ballot = await server.repos.ballots.create({
      spaceId: SPACE, title: unique('Voted on by the walk'), description: '', budget: 100, allowAgainst: false, results: 'live', privacy: 'anonymous',
      voters: { accounts: true, codes: false, guests: true }, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: null, createdBy: null,
      proposals: [{ title: 'This', description: '', exhibitIds: [] }, { title: 'That', description: '', exhibitIds: [] }],
    });
    return http(async () => callApi('castAllocation', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE, ballotId: ballot.id }, body: { votes: { p1: 3 } } }));
  },
  'consensus.read': async (actor) => http(async () => callApi('consensus', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE } })),
  'consensus.manage': async (actor) => http(async () => callApi('askConsensus', {
    baseUrl: server.http, token: await actor.token(), params: { id: SPACE }, body: { question: `Asked by the walk ${unique('q')}?`, statements: ['A first statement.'] },
  })),
  'consensus.vote': async (actor) => {
    const statement = await consensusStatement('accepted');
    return http(async () => {
      const mine = await callApi('consensusVote', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE }, body: { statement, vote: 1 } });
      expect(mine.votes).toContainEqual({ statement, vote: 1 });
    });
  },
  'consensus.submit': async (actor) => {
    await consensusQuestion();
    return http(async () => callApi('submitStatement', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE }, body: { text: `Submitted by ${unique('walker')}` } }));
  },
  'consensus.moderate': async (actor) => {
    const number = await consensusStatement('pending');
    return http(async () => callApi('moderateStatement', { baseUrl: server.http, token: await actor.token(), params: { id: SPACE, number: String(number) }, body: { state: 'accepted' } }));
  },

  'audit.read': async (actor) => http(async () => callApi('audit', { baseUrl: server.http, token: await actor.token(), query: { limit: 5 } })),
};

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

beforeAll(async () => {
  // Voice on (the embedded LiveKit on ports of its own), so voice.join can succeed.
  server = await bootServer({ VOICE: 'on', LIVEKIT_PORT: String(21_000 + Math.floor(Math.random() * 20_000)) });
  const someone = await createAccount(server, { name: 'Bystander' });
  bystander = { email: someone.email, password: someone.password };
  const chairAccount = await createAccount(server, { name: 'Chair', grants: [{ role: 'admin' }] });
  chairToken = chairAccount.token;
  chair = await joinHall(server.url, { spaceId: SPACE, token: chairToken });
  speaker = await guest('Speaker');

  // Seats far apart in the back rows: nobody's seat is ever taken by someone else.
  let seat = 300;
  actors.push({
    label: 'anonymous', principal: null, credentials: bystander, seat: seat++,
    token: async () => null, clone: async () => null,
  });
  actors.push({
    label: 'guest', principal: { kind: 'guest', grants: [] }, credentials: bystander, seat: seat++,
    token: async () => (await requestGuestSession(server.http, unique('Guest'))).token, clone: async () => null,
  });
  const specs: [string, Grant[]][] = [
    ['visitor account', []],
    ['host of townhall', [{ role: 'host', spaceId: SPACE }]],
    ['moderator of townhall', [{ role: 'moderator', spaceId: SPACE }]],
    ['moderator of hall-1', [{ role: 'moderator', spaceId: 'hall-1' }]],
    ['curator of townhall', [{ role: 'curator', spaceId: SPACE }]],
    // Curates elsewhere: may upload files (any space), not edit or publish the town hall.
    ['curator of hall-1', [{ role: 'curator', spaceId: 'hall-1' }]],
    ['host everywhere', [{ role: 'host', spaceId: null }]],
    ['moderator everywhere', [{ role: 'moderator', spaceId: null }]],
    ['curator everywhere', [{ role: 'curator', spaceId: null }]],
    ['admin', [{ role: 'admin', spaceId: null }]],
  ];
  for (const [label, grants] of specs) actors.push(await accountActor(label, grants, seat++));
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
