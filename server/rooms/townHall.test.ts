import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import type { ModerationQueue, MyQuestions } from '../../shared/protocol/townhall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { SPACES } from '../../shared/spaces/catalog.js';
import { bootServer, collectErrors, createAccount, joinSpace, waitFor, type SpaceRoomClient } from '../testing/harness.js';

type Server = Awaited<ReturnType<typeof bootServer>>;

const layout = SPACES.get('townhall')!;
let server: Server;

function lastOf<T>(room: SpaceRoomClient, type: string): { value: T | undefined } {
  const box: { value: T | undefined } = { value: undefined };
  room.onMessage(type, (m: T) => { box.value = m; });
  return box;
}

beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server?.close();
});

describe('a town hall, end to end over real connections', () => {
  it('runs an event: questions, votes, answering, a hand, the floor mic and the record', async () => {
    const event = (await callApi('listEvents', { baseUrl: server.http, query: { spaceId: 'townhall' } })).events[0]!;
    expect(event.state).toBe('scheduled');
    const hostAccount = await createAccount(server, { name: 'Hana Council', grants: [{ role: 'host', spaceId: 'townhall' }] });
    const modAccount = await createAccount(server, { name: 'Moe Chair', grants: [{ role: 'moderator', spaceId: 'townhall' }] });

    const host = await joinSpace(server.url, { spaceId: 'townhall', token: hostAccount.token });
    const mod = await joinSpace(server.url, { spaceId: 'townhall', token: modAccount.token });
    const a = await joinSpace(server.url, { spaceId: 'townhall', name: 'Ava' });
    const b = await joinSpace(server.url, { spaceId: 'townhall', name: 'Ben' });
    const queue = lastOf<ModerationQueue>(mod, 'queue');
    const mineA = lastOf<MyQuestions>(a, 'mine');
    const mineB = lastOf<MyQuestions>(b, 'mine');
    const errorsB = collectErrors(b);

    await waitFor(() => a.state.hall?.event.id === event.id && a.state.hall.present === 4, 5000, 'the hall to show the event and 4 people');

    host.send(ClientMessage.EventRun, { action: 'start' });
    await waitFor(() => b.state.hall.event.state === 'live', 5000, 'the event to go live');

    a.send(ClientMessage.Ask, { text: 'Will the new bus lanes  reach the east side?', anonymous: false });
    await waitFor(() => queue.value?.pending.length === 1, 5000, 'the question in the moderation queue');
    await waitFor(() => mineA.value?.pending.length === 1, 5000, "Ava's own pending question");
    const pending = queue.value!.pending[0]!;
    expect(pending).toMatchObject({ author: 'Ava', text: 'Will the new bus lanes reach the east side?', flagged: false });
    // Nobody else sees a pending question.
    expect(b.state.hall.questions.size).toBe(0);

    // A visitor cannot moderate.
    b.send(ClientMessage.ModerateQuestion, { id: pending.id, action: 'approve' });
    await waitFor(() => errorsB.some((e) => e.ref === ClientMessage.ModerateQuestion), 5000, 'the refusal');
    expect(errorsB.find((e) => e.ref === ClientMessage.ModerateQuestion)?.code).toBe('NOT_ALLOWED');

    mod.send(ClientMessage.ModerateQuestion, { id: pending.id, action: 'approve' });
    await waitFor(() => b.state.hall.questions.get(pending.id)?.state === 'approved', 5000, 'the approved question for everyone');

    b.send(ClientMessage.Vote, { id: pending.id, up: true });
    await waitFor(() => a.state.hall.questions.get(pending.id)?.votes === 1, 5000, 'one vote');
    await waitFor(() => mineB.value?.votes.includes(pending.id), 5000, "Ben's vote in his own list");
    // The same identity voting again changes nothing.
    b.send(ClientMessage.Vote, { id: pending.id, up: true });
    // Asking the same question again adds a vote instead of a second question.
    b.send(ClientMessage.Ask, { text: 'will the NEW bus lanes reach the east side', anonymous: true });
    await waitFor(() => mineB.value !== undefined, 5000);

    mod.send(ClientMessage.ModerateQuestion, { id: pending.id, action: 'answer' });
    await waitFor(() => host.state.hall.answering === pending.id, 5000, 'the question on the stage screen');
    expect(a.state.hall.questions.get(pending.id)?.votes).toBe(1);

    // Ben sits, raises his hand, and is called to the floor.
    b.send(ClientMessage.Sit, { seat: 40 });
    await waitFor(() => mod.state.avatars.get(b.sessionId)?.seat === 40, 5000, 'Ben in seat 40');
    b.send(ClientMessage.Hand, { up: true });
    await waitFor(() => (mod.state.avatars.get(b.sessionId)?.hand ?? 0) > 0, 5000, "Ben's hand up");
    mod.send(ClientMessage.FloorCall, { sessionId: b.sessionId, seconds: 60 });
    await waitFor(() => a.state.hall.floor.holder === b.sessionId, 5000, 'Ben at the floor mic');
    const benAtMic = a.state.avatars.get(b.sessionId)!;
    expect(benAtMic.x).toBeCloseTo(layout.stage!.floorMic.x, 4);
    expect(benAtMic.z).toBeCloseTo(layout.stage!.floorMic.z, 4);
    expect({ seat: benAtMic.seat, hand: benAtMic.hand }).toEqual({ seat: -1, hand: 0 });
    expect(a.state.hall.speakers.includes(b.sessionId)).toBe(true);
    expect(a.state.hall.floor.endsAt).toBeGreaterThan(Date.now());

    mod.send(ClientMessage.FloorEnd, {});
    await waitFor(() => a.state.hall.floor.holder === '' && a.state.avatars.get(b.sessionId)?.seat === 40, 5000, 'Ben back in his seat');

    mod.send(ClientMessage.ModerateQuestion, { id: pending.id, action: 'answered' });
    await waitFor(() => a.state.hall.questions.get(pending.id)?.state === 'answered' && a.state.hall.answering === '', 5000, 'answered');
    host.send(ClientMessage.EventRun, { action: 'end' });
    await waitFor(() => a.state.hall.event.state === 'ended', 5000, 'the event to end');

    const record = await callApi('eventRecord', { baseUrl: server.http, params: { id: event.id } });
    expect(record.event.state).toBe('ended');
    expect(record.questions).toEqual([expect.objectContaining({ id: pending.id, author: 'Ava', votes: 1, state: 'answered' })]);
    expect(record.floorTurns).toHaveLength(1);
    expect(record.floorTurns[0]!.name).toBe('Ben');
    expect(record.equalTime).toEqual([expect.objectContaining({ name: 'Ben', turns: 1 })]);
    const csv = await (await fetch(`${server.http}/api/events/${event.id}/record.csv`)).text();
    expect(csv.split('\r\n')[0]).toMatch(/^section,id,text/);
    expect(csv).toContain('Will the new bus lanes reach the east side?');
    expect(csv).toMatch(/"floor_turn",.*Ben/);

    for (const room of [host, mod, a, b]) await room.leave();
  });

  it('counts the people present for the stage screen: a dropped connection is not there until it comes back', async () => {
    const a = await joinSpace(server.url, { spaceId: 'townhall', name: 'Pia Present' });
    const b = await joinSpace(server.url, { spaceId: 'townhall', name: 'Flo Flaky' });
    await waitFor(() => a.state.hall?.present === 2, 5000, 'two present');
    const { sessionId, reconnectionToken } = b;
    b.connection.close(); // the network drops
    await waitFor(() => a.state.hall.present === 1 && a.state.avatars.get(sessionId)?.connected === false, 5000, 'one present, one away');
    const back = await new Client(server.url).reconnect<SpaceState>(reconnectionToken);
    await waitFor(() => a.state.hall.present === 2, 5000, 'two present again');
    await back.leave();
    await waitFor(() => a.state.hall.present === 1 && !a.state.avatars.has(sessionId), 5000, 'one present after leaving');
    await a.leave();
  });

  it('starts the next scheduled event once the one before it has ended', async () => {
    const hostAccount = await createAccount(server, { name: 'Hal Host', grants: [{ role: 'host', spaceId: 'townhall' }] });
    const host = await joinSpace(server.url, { spaceId: 'townhall', token: hostAccount.token });
    const schedule = (title: string, minutesAgo: number) => callApi('createEvent', {
      baseUrl: server.http, token: hostAccount.token,
      body: { spaceId: 'townhall', title, startsAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() },
    });
    const first = await schedule('Early session', 120);
    const second = await schedule('Late session', 60);
    await waitFor(() => host.state.hall.event.id === first.id, 5000, 'the earlier event on show');
    host.send(ClientMessage.EventRun, { action: 'start' });
    await waitFor(() => host.state.hall.event.state === 'live', 5000, 'the first event live');
    host.send(ClientMessage.EventRun, { action: 'end' });
    await waitFor(() => host.state.hall.event.state === 'ended', 5000, 'the first event over');
    const errors = collectErrors(host);
    host.send(ClientMessage.EventRun, { action: 'start' });
    await waitFor(() => (host.state.hall.event.id === second.id && host.state.hall.event.state === 'live') || errors.length > 0, 5000, 'the second event live');
    expect(errors).toEqual([]);
    expect((await callApi('getEvent', { baseUrl: server.http, params: { id: second.id } })).state).toBe('live');
    host.send(ClientMessage.EventRun, { action: 'end' });
    await waitFor(() => host.state.hall.event.state === 'ended', 5000, 'the second event over');
    await host.leave();
  });

  it('a re-read of the event that began before a start commits does not put the old state back on show', async () => {
    // Found by a CI run: scheduling an event makes the hall read the event to show again; a start
    // committed while that read was with the store came back as "scheduled" after the "live".
    const hostAccount = await createAccount(server, { name: 'Rhea Race', grants: [{ role: 'host', spaceId: 'townhall' }] });
    const host = await joinSpace(server.url, { spaceId: 'townhall', token: hostAccount.token });
    const shown = host.state.hall.event;
    if (shown.state === 'live') {
      host.send(ClientMessage.EventRun, { action: 'end' });
      await waitFor(() => host.state.hall.event.state === 'ended', 5000, 'the event before over');
    }
    const event = await callApi('createEvent', {
      baseUrl: server.http, token: hostAccount.token,
      body: { spaceId: 'townhall', title: 'Raced session', startsAt: new Date(Date.now() - 600_000).toISOString() },
    });
    await waitFor(() => host.state.hall.event.id === event.id, 5000, 'the event on show');

    // The next read of the event to show returns only once the host has been told the start
    // happened (or after 1.5 s if the start waits for the read, as it should).
    const acks: { ref: string }[] = [];
    host.onMessage('ack', (a: { ref: string }) => acks.push(a));
    const events = server.repos.events;
    const current = events.current.bind(events);
    let readReturned = false;
    events.current = async (spaceId) => {
      const read = await current(spaceId);
      events.current = current;
      const deadline = Date.now() + 1500;
      await waitFor(() => acks.some((a) => a.ref === ClientMessage.EventRun) || Date.now() > deadline, 5000, 'the start acknowledged');
      readReturned = true;
      return read;
    };
    try {
      await callApi('createEvent', {
        baseUrl: server.http, token: hostAccount.token,
        body: { spaceId: 'townhall', title: 'Later session', startsAt: new Date(Date.now() + 3_600_000).toISOString() },
      });
      host.send(ClientMessage.EventRun, { action: 'start' });
      await waitFor(() => readReturned && acks.some((a) => a.ref === ClientMessage.EventRun), 10_000, 'the start and the re-read');
    } finally {
      events.current = current;
    }
    // What the room believes shows in its answer to a second start (an ack if it thought the event was still to start).
    const errors = collectErrors(host);
    const runAcks = () => acks.filter((a) => a.ref === ClientMessage.EventRun).length;
    host.send(ClientMessage.EventRun, { action: 'start' });
    await waitFor(() => errors.length > 0 || runAcks() > 1, 5000, 'an answer to the second start');
    expect(errors[0]).toMatchObject({ code: 'CONFLICT', message: 'The event is already live.' });
    await waitFor(() => host.state.hall.event.state === 'live', 5000, 'the event shown live');
    host.send(ClientMessage.EventRun, { action: 'end' });
    await waitFor(() => host.state.hall.event.state === 'ended', 5000, 'the event over');
    await host.leave();
  });
});
