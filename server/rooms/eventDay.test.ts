import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../shared/protocol/apiClient.js';
import { parseJoinError } from '../../shared/protocol/errors.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { act, acked, hall, joinHall, lastMine, lastQueue, me, refused, track, type Tracked } from '../testing/hall.js';
import { bootServer, createAccount, guestToken, waitFor, type TestAccount } from '../testing/harness.js';

/**
 * The event day over real connections (issue 21): the moderator console's connection (no
 * avatar, moderators and hosts only, acting like any other), merging a duplicate question, and
 * the end of an event (the floor and hands close, the host's closing note, persisted).
 */

type Server = Awaited<ReturnType<typeof bootServer>>;
let server: Server;
let modAccount: TestAccount;
let hostAccount: TestAccount;
let host: Tracked;

async function openConsole(token: string): Promise<Tracked> {
  const room = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token, console: true });
  const t = track(room);
  await waitFor(() => room.state?.hall?.event?.id, 5000, 'the hall in the console');
  return t;
}

beforeAll(async () => {
  server = await bootServer();
  modAccount = await createAccount(server, { name: 'Mo Console', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
  hostAccount = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: 'townhall' }] });
  host = await joinHall(server.url, { token: hostAccount.token });
  if (hall(host).event.state !== 'live') await act(host, ClientMessage.EventRun, { action: 'start' }, () => hall(host).event.state === 'live');
});
afterAll(async () => {
  await server?.close();
});

describe('the moderator console connection', () => {
  it('is refused to a visitor, with NOT_ALLOWED and a sentence', async () => {
    const token = await guestToken(server.url, 'Vic');
    const joining = new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token, console: true });
    const err = await joining.then(() => undefined, (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(parseJoinError(err!.message).code).toBe('NOT_ALLOWED');
  });

  it('has no avatar and is not counted present, yet moderates: the queue, approving, calling a hand', async () => {
    const before = hall(host).present;
    const desk = await openConsole(modAccount.token);
    expect(desk.room.state.avatars.has(desk.room.sessionId)).toBe(false);
    await waitFor(() => lastQueue(desk) !== undefined, 5000, 'the moderation queue');
    expect(hall(host).present).toBe(before);

    const ada = await joinHall(server.url, { name: 'Ada' });
    await act(ada, ClientMessage.Ask, { text: 'Where will the new clinic be built?' }, () => lastQueue(desk)?.pending.some((q) => q.author === 'Ada'));
    const id = lastQueue(desk)!.pending.find((q) => q.author === 'Ada')!.id;
    await act(desk, ClientMessage.ModerateQuestion, { id, action: 'approve' }, () => hall(ada).questions.get(id)?.state === 'approved');

    await act(ada, ClientMessage.Hand, { up: true }, () => desk.room.state.avatars.get(ada.room.sessionId)?.hand);
    await act(desk, ClientMessage.FloorCall, { sessionId: ada.room.sessionId, seconds: 60 }, () => hall(ada).floor.holder === ada.room.sessionId);
    const endsAt = hall(ada).floor.endsAt;
    await act(desk, ClientMessage.FloorExtend, { seconds: 30 }, () => hall(ada).floor.endsAt === endsAt + 30_000);
    await act(desk, ClientMessage.FloorEnd, {}, () => hall(ada).floor.holder === '');
    // Movement from the console moves nothing: it has no avatar.
    desk.room.send(ClientMessage.Input, { seq: 1, forward: 1, strafe: 0, run: false, yaw: 0 });
    await act(desk, ClientMessage.Mute, { sessionId: ada.room.sessionId, muted: true }, () => lastQueue(desk)?.muted.includes(ada.room.sessionId));
    expect(desk.room.state.avatars.has(desk.room.sessionId)).toBe(false);
    await ada.room.leave(true);
    await desk.room.leave(true);
  });
});

describe('merging a duplicate', () => {
  it("moves the duplicate's asker and voters to the question it repeats, once each, and dismisses it", async () => {
    const desk = await openConsole(modAccount.token);
    const [bo, cy, di] = [await joinHall(server.url, { name: 'Bo' }), await joinHall(server.url, { name: 'Cy' }), await joinHall(server.url, { name: 'Di' })];
    const ask = async (t: Tracked, text: string) => {
      const ack = await acked(t, ClientMessage.Ask, { text });
      await act(desk, ClientMessage.ModerateQuestion, { id: ack.id, action: 'approve' }, () => hall(bo).questions.get(ack.id!)?.state === 'approved');
      return ack.id!;
    };
    const original = await ask(bo, 'Will bus fares rise next year?');
    const duplicate = await ask(cy, 'Are the bus fares going up in 2027?');
    // Di backs both; the merge must not count her twice.
    await act(di, ClientMessage.Vote, { id: original, up: true }, () => lastMine(di)?.votes.includes(original));
    await act(di, ClientMessage.Vote, { id: duplicate, up: true }, () => lastMine(di)?.votes.includes(duplicate));

    const refusal = await refused(desk, ClientMessage.ModerateQuestion, { id: duplicate, action: 'merge', into: duplicate });
    expect(refusal.code).toBe('INVALID_INPUT');
    expect((await refused(desk, ClientMessage.ModerateQuestion, { id: duplicate, action: 'merge' })).code).toBe('INVALID_INPUT');
    expect((await refused(bo, ClientMessage.ModerateQuestion, { id: duplicate, action: 'merge', into: original })).code).toBe('NOT_ALLOWED');

    await act(desk, ClientMessage.ModerateQuestion, { id: duplicate, action: 'merge', into: original }, () => !hall(bo).questions.has(duplicate));
    // Di (already backing it) and Cy (the duplicate's asker): one vote more, Cy's.
    await waitFor(() => hall(bo).questions.get(original)?.votes === 2, 5000, 'two votes on the original');
    await waitFor(() => lastMine(cy)?.votes.includes(original), 5000, "Cy's vote moved");
    const stored = await server.repos.questions.get(duplicate);
    expect(stored?.state).toBe('dismissed');
    const audit = await server.repos.audit.list({ limit: 20 });
    expect(audit.some((a) => a.action === 'question.merge' && a.targetId === duplicate)).toBe(true);

    // The event's record keeps the duplicate, as merged into the original with the one backer it
    // carried (Cy; Di already backed it), in JSON and CSV; it is not counted among the dismissed.
    const record = await callApi('eventRecord', { baseUrl: server.http, params: { id: hall(bo).event.id } });
    expect(record.questions.find((q) => q.id === duplicate)).toMatchObject({ state: 'merged', mergedInto: original, votesCarried: 1, text: 'Are the bus fares going up in 2027?' });
    expect(record.questions.find((q) => q.id === original)).toMatchObject({ state: 'approved', votes: 2, mergedInto: null });
    expect(record.dismissedCount).toBe(0);
    const csv = await (await fetch(`${server.http}/api/events/${hall(bo).event.id}/record.csv`)).text();
    expect(csv.split('\r\n').find((line) => line.includes(duplicate))).toContain(`"merged",`);
    expect(csv.split('\r\n').find((line) => line.includes(duplicate))).toContain(`"${original}"`);
    for (const t of [bo, cy, di, desk]) await t.room.leave(true);
  });
});

describe('the end of an event', () => {
  it('closes the floor and every hand, refuses hands and questions after, and shows the host\'s closing note', async () => {
    const eventId = hall(host).event.id;
    const [eve, fay] = [await joinHall(server.url, { name: 'Eve' }), await joinHall(server.url, { name: 'Fay' })];
    await act(eve, ClientMessage.Hand, { up: true }, () => me(eve).hand > 0);
    await act(fay, ClientMessage.Hand, { up: true }, () => me(fay).hand > 0);
    const desk = await openConsole(modAccount.token);
    await act(desk, ClientMessage.FloorCall, { sessionId: eve.room.sessionId }, () => hall(eve).floor.holder === eve.room.sessionId);
    const note = await acked(host, ClientMessage.EventThanks, { text: '  Thank you   all for coming! ' });
    expect(note.message).toMatch(/when the event ends/);
    await waitFor(() => hall(fay).event.thanks === 'Thank you all for coming!', 5000, 'the note, tidied, in everyone\'s state');

    await act(host, ClientMessage.EventRun, { action: 'end' }, () => hall(fay).event.state === 'ended');
    await waitFor(() => hall(fay).floor.holder === '' && me(fay).hand === 0 && me(eve).hand === 0, 5000, 'the floor and hands closed');
    expect((await refused(fay, ClientMessage.Hand, { up: true })).code).toBe('CONFLICT');
    expect((await refused(fay, ClientMessage.Ask, { text: 'Is it over already?' })).code).toBe('CONFLICT');
    expect((await refused(fay, ClientMessage.EventThanks, { text: 'Thanks from me' })).code).toBe('NOT_ALLOWED');
    expect((await refused(host, ClientMessage.EventThanks, { text: 'x'.repeat(201) })).code).toBe('INVALID_INPUT');
    // Nothing more goes on the stage screen.
    const left = [...hall(fay).questions.values()].find((q) => q.state === 'approved' || q.state === 'answered');
    if (left) expect((await refused(desk, ClientMessage.ModerateQuestion, { id: left.id, action: 'answer' })).code).toBe('CONFLICT');

    const changed = await acked(host, ClientMessage.EventThanks, { text: 'Thank you, Riverside. The record is online.' });
    expect(changed.message).toBe('Your closing note is on the stage screen.');
    await waitFor(() => hall(fay).event.thanks === 'Thank you, Riverside. The record is online.', 5000, 'the note for everyone');
    // Committed before anyone was told: the store has it.
    expect((await server.repos.events.get(eventId))?.thanks).toBe('Thank you, Riverside. The record is online.');
    for (const t of [eve, fay, desk]) await t.room.leave(true);
  });
});
