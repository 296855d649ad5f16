import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import { openDatabase } from '../store/db.js';
import { createRepos } from '../store/repos.js';
import { bootServer, createAccount, guestToken, waitFor } from '../testing/harness.js';
import { act, acked, hall, joinHall, lastMine, lastQueue, type Tracked } from '../testing/hall.js';

/**
 * Persistence before broadcast: whatever the room told people had happened (the live event,
 * approved questions and their votes, the question being answered, floor turns) is there after
 * the server restarts on the same data directory.
 */

let server: Awaited<ReturnType<typeof bootServer>> | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-persistence-'));

afterAll(async () => {
  await server?.close();
});

describe('a town hall across a restart', () => {
  it('keeps the live event, questions, votes, the question being answered and floor turns', async () => {
    server = await bootServer({ DATA_DIR: dataDir });
    const modAccount = await createAccount(server, { name: 'Mo Moderator', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
    const voter = await createAccount(server, { name: 'Vera Voter' });
    const benToken = await guestToken(server.url, 'Ben');
    const mod = await joinHall(server.url, { token: modAccount.token });
    const ava = await joinHall(server.url, { name: 'Ava' });
    const ben = await joinHall(server.url, { token: benToken });
    const vera = await joinHall(server.url, { token: voter.token });

    await act(mod, ClientMessage.EventRun, { action: 'start' }, () => hall(mod).event.state === 'live');
    const event = { id: hall(mod).event.id, startedAt: hall(mod).event.startedAt };
    const ask = async (t: Tracked, text: string) => (await acked(t, ClientMessage.Ask, { text, anonymous: false })).id!;
    const housing = await ask(ava, 'What will happen to housing prices?');
    const trams = await ask(ava, 'When do the trams come back?');
    const pending = await ask(ava, 'Is this one still waiting after a restart?');
    for (const id of [housing, trams]) await acked(mod, ClientMessage.ModerateQuestion, { id, action: 'approve' });
    await act(ben, ClientMessage.Vote, { id: housing, up: true }, () => hall(ben).questions.get(housing)?.votes === 1);
    await act(ben, ClientMessage.Vote, { id: trams, up: true }, () => hall(ben).questions.get(trams)?.votes === 1);
    await act(vera, ClientMessage.Vote, { id: housing, up: true }, () => hall(vera).questions.get(housing)?.votes === 2);
    await acked(mod, ClientMessage.ModerateQuestion, { id: trams, action: 'answer' });
    await waitFor(() => hall(ava).answering === trams, 5000, 'trams on the stage screen');

    // Two finished turns at the mic.
    await act(mod, ClientMessage.FloorCall, { sessionId: ben.room.sessionId, seconds: 60 }, () => hall(mod).floor.holder === ben.room.sessionId);
    await act(mod, ClientMessage.FloorEnd, {}, () => !hall(mod).floor.holder);
    await act(mod, ClientMessage.FloorCall, { sessionId: ava.room.sessionId, seconds: 60 }, () => hall(mod).floor.holder === ava.room.sessionId);
    await act(mod, ClientMessage.FloorEnd, {}, () => !hall(mod).floor.holder);
    await server.close();
    // And one a crash left open (nothing closed it), written while the server is down (the store
    // holds one open turn per event, migration 0014: whether a stopping server records the end of
    // a turn in progress depends on the moment, so that case is this one).
    const down = openDatabase({ dataDir });
    try {
      await createRepos(down.db).floorTurns.start({ eventId: event.id, holderKey: 'guest:crashed', holderName: 'Crashed Cal', calledBy: null });
    } finally {
      await down.close();
    }
    server = await bootServer({ DATA_DIR: dataDir });

    const mod2 = await joinHall(server.url, { token: modAccount.token });
    await waitFor(() => hall(mod2).event.id === event.id && hall(mod2).questions.size === 2, 5000, 'the event and its questions');
    expect(hall(mod2).event.state).toBe('live');
    expect(hall(mod2).event.startedAt).toBe(event.startedAt);
    expect(hall(mod2).questions.get(housing)).toMatchObject({ state: 'approved', votes: 2, author: 'Ava' });
    expect(hall(mod2).questions.get(trams)).toMatchObject({ state: 'answering', votes: 1 });
    expect(hall(mod2).answering).toBe(trams);
    expect(hall(mod2).floor.holder || '').toBe('');
    await waitFor(() => lastQueue(mod2)?.pending.some((q) => q.id === pending), 5000, 'the pending question in the queue');

    // The same people, with the same sessions, find their votes: voting again adds nothing.
    const ben2 = await joinHall(server.url, { token: benToken });
    await waitFor(() => lastMine(ben2)?.votes.length === 2, 5000, "Ben's votes");
    expect([...lastMine(ben2)!.votes].sort()).toEqual([housing, trams].sort());
    const before = ben2.mine.length;
    ben2.room.send(ClientMessage.Vote, { id: housing, up: true });
    await waitFor(() => ben2.mine.length > before, 5000, 'the answer to the vote');
    expect((await server.repos.questions.get(housing))?.votes).toBe(2);
    const vera2 = await joinHall(server.url, { token: voter.token });
    await waitFor(() => lastMine(vera2)?.votes.includes(housing), 5000, "Vera's vote");
    // An old question is still a duplicate to merge into.
    const again = await acked(vera2, ClientMessage.Ask, { text: 'What will happen to HOUSING prices', anonymous: false });
    expect(again.id).toBe(housing);
    expect(again.message).toMatch(/already voted/);
    expect((await server.repos.questions.get(housing))?.votes).toBe(2);

    const record = await callApi('eventRecord', { baseUrl: server.http, params: { id: event.id } });
    expect(record.event).toMatchObject({ id: event.id, state: 'live' });
    expect(record.questions.map((q) => [q.id, q.state, q.votes])).toEqual([[housing, 'approved', 2], [trams, 'answering', 1]]);
    expect(record.floorTurns.map((t) => t.name)).toEqual(['Ben', 'Ava', 'Crashed Cal']);
    // Every turn is closed; the one the crash left open ends where it started, with no time invented.
    for (const turn of record.floorTurns) expect(turn.endedAt, turn.name).not.toBeNull();
    const crashed = record.floorTurns.find((t) => t.name === 'Crashed Cal')!;
    expect(crashed).toMatchObject({ endedAt: crashed.startedAt, seconds: 0 });
    expect(record.equalTime.map((e) => e.name).sort()).toEqual(['Ava', 'Ben', 'Crashed Cal']);

    // The event carries on: a new turn at the mic works.
    await act(mod2, ClientMessage.FloorCall, { sessionId: ben2.room.sessionId, seconds: 60 }, () => hall(mod2).floor.holder === ben2.room.sessionId);
    await act(mod2, ClientMessage.EventRun, { action: 'end' }, () => hall(mod2).event.state === 'ended' && !hall(mod2).floor.holder);
    for (const t of [mod2, ben2, vera2]) await t.room.leave();
  }, 60_000);
});
