import { Client } from 'colyseus.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AVATAR_RADIUS } from '../../shared/constants.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { SPACES } from '../../shared/spaces/catalog.js';
import { isFree, stageAt } from '../../shared/spaces/collision.js';
import { bootServer, createAccount, guestToken, waitFor, type TestAccount } from '../testing/harness.js';
import { act, hall, joinHall, me, refused, track, walk, type Tracked } from '../testing/hall.js';
import { visitorPool } from '../testing/hall.js';

/**
 * Seats, the stage, hands and the floor microphone, over real connections: where avatars are
 * put, who may walk where, the order of hands (kept across a dropped connection), and the
 * floor microphone's turns as the room shows them and the record keeps them.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;

const layout = SPACES.get('townhall')!;
const mic = layout.stage!.floorMic;
const stage = layout.boxes.find((b) => b.kind === 'stage')!;
const stageFront = stage.z + stage.d / 2;

let server: Server;
let modAccount: TestAccount;
let hostAccount: TestAccount;
let mod: Tracked;
const { visitor, leaveAll, replace } = visitorPool(() => server.url, () => mod);

/** Positions travel as float32. */
const near = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < 1e-4;
const isAt = (a: { x: number; z: number } | undefined, p: { x: number; z: number }) => a !== undefined && near(a.x, p.x) && near(a.z, p.z);

const avatarOf = (watcher: Tracked, t: Tracked) => watcher.room.state.avatars.get(t.room.sessionId);
const seatOf = (t: Tracked) => avatarOf(mod, t)?.seat;

async function sit(t: Tracked, seat: number): Promise<void> {
  await act(t, ClientMessage.Sit, { seat }, () => me(t).seat === seat && seatOf(t) === seat, `${me(t).name} in seat ${seat}`);
}

async function stand(t: Tracked): Promise<void> {
  await act(t, ClientMessage.Stand, {}, () => me(t).seat === -1, `${me(t).name} standing`);
}

async function raise(t: Tracked, up = true): Promise<number> {
  await act(t, ClientMessage.Hand, { up }, () => (me(t).hand > 0) === up && (avatarOf(mod, t)!.hand > 0) === up, `${me(t).name}'s hand ${up ? 'up' : 'down'}`);
  return me(t).hand;
}

const holder = () => hall(mod).floor.holder;

async function call(t: Tracked, seconds = 90): Promise<void> {
  await act(mod, ClientMessage.FloorCall, { sessionId: t.room.sessionId, seconds },
    () => holder() === t.room.sessionId && hall(t).floor.holder === t.room.sessionId, `${me(t).name} at the floor mic`);
}

async function endTurn(): Promise<void> {
  await act(mod, ClientMessage.FloorEnd, {}, () => !holder(), 'the turn to end');
}

beforeAll(async () => {
  server = await bootServer();
  modAccount = await createAccount(server, { name: 'Mo Moderator', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
  hostAccount = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: 'townhall' }] });
  mod = await joinHall(server.url, { token: modAccount.token });
});
afterEach(async () => {
  await leaveAll();
});
afterAll(async () => {
  await server?.close();
});

describe('seats and the stage', () => {
  it('sits in a free seat, refuses a taken one (CONFLICT) or none (NOT_FOUND), and stands up beside the row', async () => {
    const ada = await visitor('Ada');
    const bea = await visitor('Bea');
    await sit(ada, 40);
    const seat = layout.seats[40]!;
    expect(isAt(me(ada), seat) && near(me(ada).yaw, seat.yaw)).toBe(true);
    await waitFor(() => avatarOf(bea, ada)?.seat === 40 && isAt(avatarOf(bea, ada), seat), 5000, 'Bea to see Ada seated');

    expect((await refused(bea, ClientMessage.Sit, { seat: 40 })).code).toBe('CONFLICT');
    expect((await refused(bea, ClientMessage.Sit, { seat: layout.seats.length })).code).toBe('NOT_FOUND');
    expect((await refused(bea, ClientMessage.Sit, { seat: -1 })).code).toBe('INVALID_INPUT');
    expect(me(bea).seat).toBe(-1);

    // Moving to another seat frees the first.
    await sit(ada, 41);
    await sit(bea, 40);
    await stand(ada);
    const spot = { x: me(ada).x, z: me(ada).z };
    expect(isFree(spot, AVATAR_RADIUS, layout)).toBe(true);
    expect(spot.z).toBeCloseTo(layout.seats[41]!.z, 4);
    expect(Math.abs(spot.x - layout.seats[41]!.x)).toBeLessThanOrEqual(16);
    await waitFor(() => avatarOf(bea, ada)?.seat === -1, 5000, 'Bea to see Ada standing');
    // Ada's old seat is free again.
    await sit(ada, 41);
  });

  it('gives someone whose server lost their place (its process stopped) the seat they had, if it is still free', async () => {
    const ada = await visitor('Ada');
    await sit(ada, 70);
    // Back with the seat asked for (as the page does after the process holding its room died).
    const back = async (name: string, seat: number): Promise<Tracked> => {
      const token = await guestToken(server.url, name);
      const t = track(await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token, seat }));
      await waitFor(() => t.room.state?.avatars?.has(t.room.sessionId), 5000, `${name}'s avatar`);
      return t;
    };
    const bo = await back('Bo', 71);
    await waitFor(() => seatOf(bo) === 71, 5000, 'Bo back in seat 71');
    expect(isAt(avatarOf(mod, bo), layout.seats[71]!)).toBe(true);
    // Taken meanwhile, or no such seat: they arrive as anyone does (standing), and nothing is refused.
    const cy = await back('Cy', 70);
    const dee = await back('Dee', layout.seats.length + 5);
    expect(me(cy).seat).toBe(-1);
    expect(me(dee).seat).toBe(-1);
    expect(seatOf(ada)).toBe(70);
    // A seat number that is not a number of a seat at all is bad input.
    const token = await guestToken(server.url, 'Eve');
    await expect(new Client(server.url).joinOrCreate('space', { spaceId: 'townhall', token, seat: -3 })).rejects.toThrow(/INVALID_INPUT/);
    for (const t of [bo, cy, dee]) await t.room.leave();
  });

  it('ignores movement input from a seated avatar, and moves it again once it stands', async () => {
    const cy = await visitor('Cy');
    await sit(cy, 60);
    const seated = { x: me(cy).x, z: me(cy).z, ack: me(cy).ack };
    for (let i = 0; i < 4; i++) cy.room.send(ClientMessage.Input, { seq: ++cy.seq, forward: 1, strafe: 0, run: true, yaw: 0 });
    // The hand goes up in a tick after those inputs arrived: by then they have been dropped.
    await raise(cy);
    await waitFor(() => avatarOf(mod, cy)!.hand > 0, 5000, 'the hand, seen by someone else');
    expect({ x: me(cy).x, z: me(cy).z, ack: me(cy).ack }).toEqual(seated);
    expect(isAt(avatarOf(mod, cy), seated) && avatarOf(mod, cy)!.seat === 60).toBe(true);

    await stand(cy);
    const standing = { x: me(cy).x, z: me(cy).z };
    // Toward the aisle's middle (standing up put Cy at the end of the row, by the aisle).
    await walk(cy, 3, { forward: 0, strafe: -Math.sign(me(cy).x), run: false, yaw: 0 });
    expect(Math.hypot(me(cy).x - standing.x, me(cy).z - standing.z)).toBeGreaterThan(0.1);
  });

  it('lets hosts and moderators walk onto the stage, and stops visitors at its edge', async () => {
    const visitorT = await visitor('Vi Visitor');
    const host = await visitor('', hostAccount.token);
    // Start from the front row, either side of the aisle (standing up puts each by the aisle).
    await sit(visitorT, 0);
    await stand(visitorT);
    await sit(host, 18);
    await stand(host);
    await sit(mod, 1);
    await stand(mod);
    const run = { forward: 1, strafe: 0, run: true, yaw: 0 };
    await Promise.all([walk(visitorT, 35, run), walk(host, 35, run), walk(mod, 35, run)]);

    for (const staff of [host, mod]) {
      expect(stageAt(layout, me(staff).x, me(staff).z)).toBeDefined();
      expect(me(staff).z).toBeLessThan(stageFront - 1);
    }
    expect(stageAt(layout, me(visitorT).x, me(visitorT).z)).toBeUndefined();
    expect(me(visitorT).z).toBeCloseTo(stageFront + AVATAR_RADIUS, 3);
    // Who stands on the stage with the right to be there may speak to the room.
    await waitFor(() => hall(mod).speakers.includes(host.room.sessionId) && hall(mod).speakers.includes(mod.room.sessionId), 5000, 'the host and the moderator among the speakers');
    expect(hall(mod).speakers.includes(visitorT.room.sessionId)).toBe(false);
  });
});

describe('hands', () => {
  it('numbers hands in the order they go up; lowering and raising again goes to the back', async () => {
    const [ada, bea, cy] = [await visitor('Ada'), await visitor('Bea'), await visitor('Cy')];
    const a = await raise(ada);
    const b = await raise(bea);
    const c = await raise(cy);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
    // Raising it again while up keeps the place (the seat shows the server has read both).
    ada.room.send(ClientMessage.Hand, { up: true });
    await sit(ada, 45);
    expect(me(ada).hand).toBe(a);
    await raise(cy, false);
    expect(await raise(cy)).toBeGreaterThan(b);
    await raise(bea, false);
    expect(await raise(bea)).toBeGreaterThan(me(cy).hand);
  });

  it('keeps the hand (and its place in the queue) of a visitor whose connection drops and comes back', async () => {
    const ada = await visitor('Ada');
    const bea = await visitor('Bea');
    const a = await raise(ada);
    const b = await raise(bea);
    const sessionId = bea.room.sessionId;
    const token = bea.room.reconnectionToken;
    bea.room.connection.close(); // the network drops: no consent to leave
    await waitFor(() => mod.room.state.avatars.get(sessionId)?.connected === false, 5000, 'Bea shown as disconnected');
    expect(mod.room.state.avatars.get(sessionId)?.hand).toBe(b);

    const back = track(await new Client(server.url).reconnect<SpaceState>(token));
    await waitFor(() => back.room.state?.avatars?.get(sessionId)?.connected === true, 5000, 'Bea back');
    expect(back.room.sessionId).toBe(sessionId);
    expect(me(back).hand).toBe(b);
    expect(avatarOf(mod, ada)?.hand).toBe(a);
    // Someone raising a hand now comes after her.
    const cy = await visitor('Cy');
    expect(await raise(cy)).toBeGreaterThan(b);
    replace(bea, back);
  });
});

describe('the floor microphone', () => {
  let eventId: string;

  it('is used only during a live event (CONFLICT before)', async () => {
    const ada = await visitor('Ada');
    eventId = hall(mod).event.id;
    expect(hall(mod).event.state).toBe('scheduled');
    expect((await refused(mod, ClientMessage.FloorCall, { sessionId: ada.room.sessionId })).code).toBe('CONFLICT');
    await act(mod, ClientMessage.EventRun, { action: 'start' }, () => hall(mod).event.state === 'live');
  });

  it('moves the called visitor to the mic and back to their seat; one holder at a time; extend, release, refusals', async () => {
    const ada = await visitor('Ada');
    const bea = await visitor('Bea');
    await sit(ada, 40);
    await raise(ada);
    // Only moderators call, only someone who is here, for 10 to 900 seconds.
    expect((await refused(bea, ClientMessage.FloorCall, { sessionId: ada.room.sessionId })).code).toBe('NOT_ALLOWED');
    expect((await refused(mod, ClientMessage.FloorCall, { sessionId: 'nobody-here' })).code).toBe('NOT_FOUND');
    expect((await refused(mod, ClientMessage.FloorCall, { sessionId: ada.room.sessionId, seconds: 5 })).code).toBe('INVALID_INPUT');
    expect((await refused(mod, ClientMessage.FloorEnd, {})).code).toBe('CONFLICT');
    expect((await refused(mod, ClientMessage.FloorExtend, { seconds: 30 })).code).toBe('CONFLICT');

    await call(ada, 60);
    const atMic = avatarOf(bea, ada)!;
    await waitFor(() => isAt(avatarOf(bea, ada), mic), 5000, 'Bea to see Ada at the mic');
    expect({ seat: atMic.seat, hand: atMic.hand }).toEqual({ seat: -1, hand: 0 });
    expect(atMic.yaw).toBeCloseTo(mic.yaw, 4);
    expect(hall(bea).floor).toMatchObject({ holder: ada.room.sessionId, name: 'Ada' });
    await waitFor(() => hall(bea).speakers.includes(ada.room.sessionId), 5000, 'Ada among the speakers');
    // The seat is free while she speaks; she cannot sit or raise a hand, and input does not move her.
    expect((await refused(ada, ClientMessage.Hand, { up: true })).code).toBe('CONFLICT');
    expect((await refused(ada, ClientMessage.Sit, { seat: 41 })).code).toBe('CONFLICT');
    const ack = me(ada).ack;
    for (let i = 0; i < 3; i++) ada.room.send(ClientMessage.Input, { seq: ++ada.seq, forward: 1, strafe: 0, run: true, yaw: 0 });

    // A second call while she holds it.
    expect((await refused(mod, ClientMessage.FloorCall, { sessionId: bea.room.sessionId })).code).toBe('CONFLICT');
    expect(holder()).toBe(ada.room.sessionId);

    const endsAt = hall(mod).floor.endsAt;
    await act(mod, ClientMessage.FloorExtend, { seconds: 30 }, () => hall(ada).floor.endsAt === endsAt + 30_000);
    await act(mod, ClientMessage.FloorExtend, { seconds: -15 }, () => hall(ada).floor.endsAt === endsAt + 15_000);
    expect((await refused(mod, ClientMessage.FloorExtend, { seconds: 0 })).code).toBe('INVALID_INPUT');
    expect(isAt(me(ada), mic) && me(ada).ack === ack).toBe(true);

    // Only the holder can give it back.
    expect((await refused(bea, ClientMessage.FloorRelease, {})).code).toBe('CONFLICT');
    await act(ada, ClientMessage.FloorRelease, {}, () => !holder() && me(ada).seat === 40);
    expect(isAt(me(ada), layout.seats[40]!)).toBe(true);
    await waitFor(() => !hall(bea).speakers.includes(ada.room.sessionId) && hall(bea).floor.endsAt === 0, 5000, 'Ada no longer a speaker');
  });

  it('sends the holder back to where they stood if their seat was taken meanwhile', async () => {
    const ada = await visitor('Ada');
    const bea = await visitor('Bea');
    await sit(ada, 50);
    await call(ada);
    await sit(bea, 50);
    await endTurn();
    await waitFor(() => !holder() && isAt(me(ada), layout.seats[50]!), 5000, 'Ada back where she was');
    expect(me(ada).seat).toBe(-1);
    expect(seatOf(bea)).toBe(50);
  });

  it('returns the holder to their seat when time runs out', async () => {
    const ada = await visitor('Ada');
    await sit(ada, 70);
    await call(ada, 10);
    const endsAt = hall(mod).floor.endsAt;
    // Taking time away stops at a few seconds left, so the turn ends soon but not at once.
    await act(mod, ClientMessage.FloorExtend, { seconds: -600 }, () => hall(mod).floor.endsAt < endsAt);
    expect(holder()).toBe(ada.room.sessionId);
    await waitFor(() => !holder() && me(ada).seat === 70, 15_000, 'the turn to run out');
    const turns = await server.repos.floorTurns.listForEvent(eventId);
    expect(turns.at(-1)).toMatchObject({ holderName: 'Ada' });
    expect(turns.at(-1)!.endedAt).not.toBeNull();
  });

  it('ends the turn when the holder leaves, and the record shows it; equal time sums turns per person', async () => {
    const ada = await visitor('Ada Again');
    const bea = await visitor('Bea Leaving');
    await call(ada);
    await endTurn();
    await call(ada);
    await endTurn();
    await call(bea);
    const beaId = bea.room.sessionId;
    await bea.room.leave();
    await waitFor(() => !holder() && !mod.room.state.avatars.has(beaId), 5000, 'the turn to end as Bea leaves');
    // The mic is free for the next person.
    await call(ada);
    await endTurn();

    const record = await callApi('eventRecord', { baseUrl: server.http, params: { id: eventId } });
    const mine = (name: string) => record.floorTurns.filter((t) => t.name === name);
    expect(mine('Ada Again')).toHaveLength(3);
    expect(mine('Bea Leaving')).toHaveLength(1);
    for (const turn of record.floorTurns) expect(turn.endedAt).not.toBeNull();
    const sum = (name: string) => Math.round(mine(name).reduce((s, t) => s + t.seconds, 0) * 10) / 10;
    for (const name of ['Ada Again', 'Bea Leaving']) {
      const row = record.equalTime.find((e) => e.name === name)!;
      expect(row.turns).toBe(mine(name).length);
      expect(row.seconds).toBeCloseTo(sum(name), 6);
    }
    const seconds = record.equalTime.map((e) => e.seconds);
    expect(seconds).toEqual([...seconds].sort((x, y) => y - x));
    const csv = await (await fetch(`${server.http}/api/events/${eventId}/record.csv`)).text();
    expect(csv.split('\r\n').filter((l) => l.startsWith('"equal_time",')).length).toBe(record.equalTime.length);
    expect(csv).toMatch(/^"floor_turn",.*Bea Leaving/m);
  });
});
