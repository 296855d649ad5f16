import { matchMaker } from '@colyseus/core';
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/errors.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { openDatabase } from '../store/db.js';
import { createFloorTurnStore } from '../store/floorTurns.js';
import type { SpaceRoom } from './SpaceRoom.js';
import { act, acked, hall, joinHall, me, refused, track, type Tracked } from '../testing/hall.js';
import { bootServer, closeCode, createAccount, waitFor } from '../testing/harness.js';

/**
 * Sections answering for themselves (issue 19's known gaps): a call, mute, ban or removal of
 * someone in another section is done there and the moderator is told what that section answered;
 * the store keeps one open floor turn per event; section 1 keeps places for hosts and moderators;
 * two sections opening at once take different numbers. One process, three people per room, one
 * place in section 1 kept for staff.
 */
let server: Awaited<ReturnType<typeof bootServer>>;
let host: Tracked;
let ada: Tracked;
let bo: Tracked;
let cy: Tracked;
let mod: Tracked;

const sectionOf = (roomId: string) => (matchMaker.getLocalRoomById(roomId) as SpaceRoom).state.hall.section;

async function joinSection(token: string, section: number): Promise<Tracked> {
  const room = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token, section });
  const t = track(room);
  await waitFor(() => room.state?.avatars?.has(room.sessionId), 5000, 'the own avatar');
  return t;
}

beforeAll(async () => {
  server = await bootServer({ MAX_CLIENTS_PER_SPACE: '3', MAX_SECTIONS: '3', SECTION_STAFF_RESERVE: '1' });
});
afterAll(async () => {
  await server?.close();
});

describe('sections that answer for themselves', () => {
  it('gives two sections opened at the same moment different numbers, and frees a number when its section closes', async () => {
    // Neither sees the other in the listings yet: both would be section 1 without the claim in presence.
    const [one, two] = await Promise.all([
      matchMaker.createRoom('space', { spaceId: 'townhall' }),
      matchMaker.createRoom('space', { spaceId: 'townhall', section: 1 }),
    ]);
    expect([sectionOf(one.roomId), sectionOf(two.roomId)].sort()).toEqual([1, 2]);
    const first = sectionOf(one.roomId) === 1 ? one : two;
    await (matchMaker.getLocalRoomById(first.roomId) as SpaceRoom).disconnect();
    while ((await matchMaker.query({ roomId: first.roomId })).length > 0) await new Promise((r) => setTimeout(r, 15));
    // Section 1 closed while section 2 stayed: staff asking for section 1 (the console) open it again, its number freed.
    const again = await matchMaker.createRoom('space', { spaceId: 'townhall', section: 1 });
    expect(sectionOf(again.roomId)).toBe(1);
    await Promise.all([again, first === one ? two : one].map((r) => (matchMaker.getLocalRoomById(r.roomId) as SpaceRoom).disconnect()));
  });

  it('fills section 1 with visitors up to its size less the staff reserve, and still lets a host in', async () => {
    ada = await joinHall(server.url, { name: 'Ada' });
    bo = await joinHall(server.url, { name: 'Bo' });
    expect(bo.room.roomId).toBe(ada.room.roomId);
    expect(hall(ada).section).toBe(1);
    // Two visitors in three places: the last is kept, so Cy opens section 2.
    cy = await joinHall(server.url, { name: 'Cy' });
    expect(hall(cy).section).toBe(2);
    const hostAccount = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: 'townhall' }, { role: 'moderator', spaceId: 'townhall' }] });
    host = await joinHall(server.url, { token: hostAccount.token });
    expect(host.room.roomId).toBe(ada.room.roomId);
    if (hall(host).event.state !== 'live') await act(host, ClientMessage.EventRun, { action: 'start' }, () => hall(host).event.state === 'live');
  });

  it("acknowledges a call to another section only once that section wrote the turn, in that section's words", async () => {
    const cyId = cy.room.sessionId;
    await act(cy, ClientMessage.Hand, { up: true }, () => me(cy).hand > 0);
    await waitFor(() => hall(host).handsElsewhere.get(cyId)?.section === 2, 5000, "Cy's hand in section 1");
    const ack = await acked(host, ClientMessage.FloorCall, { sessionId: cyId, seconds: 60 });
    expect(ack.message).toBe('Cy has the floor in section 2.');
    const open = (await server.repos.floorTurns.listForEvent(hall(host).event.id)).filter((t) => t.endedAt === null);
    expect(open.map((t) => [t.holderName, t.section])).toEqual([['Cy', 2]]);
    // Section 1 knows the turn from the answer: the moderator can end it straight away.
    await act(host, ClientMessage.FloorEnd, {}, () => hall(cy).floor.holder === '', "the turn's end in section 2");
    await waitFor(() => hall(host).floor.holder === '', 5000, 'section 1 to see the turn end');
  });

  it("answers a call for someone who has left with that section's refusal", async () => {
    const answers: unknown[] = [];
    const listen = (data: unknown) => answers.push(data);
    await matchMaker.presence.subscribe('hustings:floor-answers:townhall', listen);
    try {
      await matchMaker.presence.publish('hustings:floor:townhall', {
        to: cy.room.roomId, from: 'a-section-1', ask: 'q1', action: 'call', sessionId: 'gone-away', name: 'Dee', seconds: 60, by: null,
      });
      // Only ours: an answer to an earlier order may still be on its way to section 1.
      const ours = () => answers.filter((a) => (a as { ask?: unknown }).ask === 'q1');
      await waitFor(() => ours().length > 0, 5000, 'the answer');
      expect(ours()).toEqual([{ to: 'a-section-1', ask: 'q1', ok: false, code: 'NOT_FOUND', message: 'Dee has left section 2.' }]);
    } finally {
      matchMaker.presence.unsubscribe('hustings:floor-answers:townhall', listen);
    }
  });

  it('refuses the second of two calls made at once in two sections: one open turn per event', async () => {
    const modAccount = await createAccount(server, { name: 'Mo Moderator', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
    mod = await joinSection(modAccount.token, 2);
    expect(mod.room.roomId).toBe(cy.room.roomId);
    const adaId = ada.room.sessionId;
    const cyId = cy.room.sessionId;
    const from = { hostAcks: host.acks.length, modAcks: mod.acks.length, hostErrors: host.errors.length, modErrors: mod.errors.length };
    const outcomes = () => [
      ...host.acks.slice(from.hostAcks), ...mod.acks.slice(from.modAcks), ...host.errors.slice(from.hostErrors), ...mod.errors.slice(from.modErrors),
    ].filter((x) => x.ref === ClientMessage.FloorCall);
    host.room.send(ClientMessage.FloorCall, { sessionId: adaId, seconds: 60 });
    mod.room.send(ClientMessage.FloorCall, { sessionId: cyId, seconds: 60 });
    await waitFor(() => outcomes().length === 2, 5000, 'both calls to be answered');
    const errors = [...host.errors.slice(from.hostErrors), ...mod.errors.slice(from.modErrors)];
    expect(errors).toHaveLength(1);
    const open = (await server.repos.floorTurns.listForEvent(hall(host).event.id)).filter((t) => t.endedAt === null);
    expect(open).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'CONFLICT', message: `${open[0]!.holderName} has the floor in section ${open[0]!.section}; end their turn first.` });
    // Section 1 shows the turn wherever it runs (at once if here, within a relay period if there); ending it goes there.
    await waitFor(() => hall(host).floor.holder !== '', 10_000, 'section 1 to show the turn');
    await act(host, ClientMessage.FloorEnd, {}, () => hall(ada).floor.holder === '' && hall(cy).floor.holder === '', 'the turn to end');
  });

  it('mutes and removes someone in another section there, and tells the moderator what that section answered', async () => {
    const cyId = cy.room.sessionId;
    await act(cy, ClientMessage.Hand, { up: true }, () => me(cy).hand > 0);
    await waitFor(() => hall(host).handsElsewhere.has(cyId), 5000, "Cy's hand in section 1");
    expect((await acked(host, ClientMessage.Mute, { sessionId: cyId, muted: true })).message).toBe('Cy is muted.');
    expect((await refused(cy, ClientMessage.Ask, { text: 'May I still ask a question?', anonymous: false })).code).toBe('NOT_ALLOWED');
    const closed = closeCode(cy.room);
    expect((await acked(host, ClientMessage.Remove, { sessionId: cyId })).message).toBe('Cy is removed.');
    expect(await closed).toBe(CloseCode.REMOVED);
  });

  it('bans someone in another section there', async () => {
    const eve = await joinHall(server.url, { name: 'Eve' });
    expect(eve.room.roomId).toBe(mod.room.roomId);
    const eveId = eve.room.sessionId;
    await act(eve, ClientMessage.Hand, { up: true }, () => me(eve).hand > 0);
    await waitFor(() => hall(host).handsElsewhere.has(eveId), 5000, "Eve's hand in section 1");
    const closed = closeCode(eve.room);
    expect((await acked(host, ClientMessage.Ban, { sessionId: eveId, reason: 'Shouting over the speakers' })).message).toBe('Eve is banned from this space.');
    expect(await closed).toBe(CloseCode.REMOVED);
  });

  it('refuses a call while a turn another section has just written is open in the store, before any news of it', async () => {
    const eventId = hall(host).event.id;
    // Written a moment ago in section 2, whose stage news has not told it yet: only the store knows.
    const other = openDatabase({ dataDir: server.dataDir });
    try {
      const turns = createFloorTurnStore(other.db);
      const turn = await turns.start({ eventId, holderKey: 'guest:gil', holderName: 'Gil', calledBy: null, section: 2 });
      const refusal = await refused(host, ClientMessage.FloorCall, { sessionId: ada.room.sessionId, seconds: 60 });
      expect(refusal).toMatchObject({ code: 'CONFLICT', message: 'Gil has the floor in section 2; end their turn first.' });
      expect(hall(ada).floor.holder).toBe('');
      await turns.end(turn.id);
    } finally {
      await other.close();
    }
  });

  it('closes a floor turn no section tells of any more (its process died) where it started, and the call goes through', async () => {
    const eventId = hall(host).event.id;
    // A turn section 3 wrote a minute ago, on a process that is gone: nobody tells of it.
    const other = openDatabase({ dataDir: server.dataDir });
    try {
      await createFloorTurnStore(other.db, () => new Date(Date.now() - 60_000)).start({ eventId, holderKey: 'guest:gus', holderName: 'Gus', calledBy: null, section: 3 });
    } finally {
      await other.close();
    }
    expect((await acked(host, ClientMessage.FloorCall, { sessionId: ada.room.sessionId, seconds: 60 })).message).toBe('Ada has the floor.');
    const turns = await server.repos.floorTurns.listForEvent(eventId);
    expect(turns.find((t) => t.holderName === 'Gus')).toMatchObject({ seconds: 0, section: 3 });
    expect(turns.filter((t) => t.endedAt === null).map((t) => t.holderName)).toEqual(['Ada']);
    await act(host, ClientMessage.FloorEnd, {}, () => hall(ada).floor.holder === '', 'the turn to end');
  });
});
