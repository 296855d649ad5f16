import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJoinError } from '../../shared/protocol/errors.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { ReactionBurst } from '../../shared/protocol/townhall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { stageAt } from '../../shared/spaces/collision.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { act, hall, joinHall, lastQueue, me, refused, track, walk, type Tracked } from '../testing/hall.js';
import { STAGE_SPACING } from '../domain/stageSpot.js';
import { bootServer, createAccount, guestToken, waitFor } from '../testing/harness.js';

/**
 * Sections (issue 19): when an event's town hall is full it opens another room of the same event,
 * up to MAX_SECTIONS, and the sections share one Q&A and one event run. Two people per room and
 * two sections here, so every limit is reached with a handful of real connections.
 */
let server: Awaited<ReturnType<typeof bootServer>>;
let host: Tracked;
let ada: Tracked;
let bo: Tracked;
let cy: Tracked;
let layout: SpaceLayout;

/** Joins the town hall as a guest, asking for a section as a friend's link does. */
async function joinSection(name: string, section: number): Promise<Tracked> {
  const token = await guestToken(server.url, name);
  const room = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token, section });
  const t = track(room);
  await waitFor(() => room.state?.avatars?.has(room.sessionId), 5000, 'the own avatar');
  return t;
}

async function refusal(joining: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await joining.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return parseJoinError((err as Error).message);
}

beforeAll(async () => {
  server = await bootServer({ MAX_CLIENTS_PER_SPACE: '2', MAX_SECTIONS: '2', SECTION_STAFF_RESERVE: '0' });
  const hostAccount = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: 'townhall' }, { role: 'moderator', spaceId: 'townhall' }] });
  host = await joinHall(server.url, { token: hostAccount.token });
  layout = (await server.repos.spaces.get('townhall'))!;
  if (hall(host).event.state !== 'live') await act(host, ClientMessage.EventRun, { action: 'start' }, () => hall(host).event.state === 'live');
});
afterAll(async () => {
  await server?.close();
});

describe('sections of one event', () => {
  it('fills section 1, then opens section 2, and every section counts everyone', async () => {
    ada = await joinHall(server.url, { name: 'Ada' });
    expect(ada.room.roomId).toBe(host.room.roomId);
    expect(hall(host).section).toBe(1);
    bo = await joinHall(server.url, { name: 'Bo' });
    expect(bo.room.roomId).not.toBe(host.room.roomId);
    expect(hall(bo).section).toBe(2);
    // The same event in both, and the counts over both sections (refreshed every 2 s).
    expect(hall(bo).event.id).toBe(hall(host).event.id);
    await waitFor(() => hall(host).sections === 2 && hall(host).attending === 3, 8000, 'section 1 to count both sections');
    await waitFor(() => hall(bo).sections === 2 && hall(bo).attending === 3, 8000, 'section 2 to count both sections');
  });

  it("takes a friend's link to a section with room, and sends a link to a full one where there is room", async () => {
    const full = await refusal(joinSection('Dee', 1));
    expect(full).toEqual({ code: 'ROOM_FULL', message: 'Section 2 of this event has room; enter the event without the section link.' });
    cy = await joinSection('Cy', 2);
    expect(cy.room.roomId).toBe(bo.room.roomId);
    // Every section full and no more may open: a sentence with the count.
    const none = await refusal(joinHall(server.url, { name: 'Eve' }));
    expect(none).toEqual({ code: 'ROOM_FULL', message: 'Every section of this event is full (4 people in 2). Please try again in a few minutes.' });
  });

  it('shares one Q&A: asked in section 2, moderated in section 1, voted in both, answered on every screen', async () => {
    await act(bo, ClientMessage.Ask, { text: 'Will the night buses run past midnight?', anonymous: false },
      () => lastQueue(host)?.pending.some((q) => q.text.startsWith('Will the night buses')) || [...hall(bo).questions.values()].some((q) => q.text.startsWith('Will the night buses')));
    const pending = lastQueue(host)?.pending.find((q) => q.text.startsWith('Will the night buses'));
    const id = pending?.id ?? [...hall(bo).questions.values()].find((q) => q.text.startsWith('Will the night buses'))!.id;
    if (pending) await act(host, ClientMessage.ModerateQuestion, { id, action: 'approve' }, () => hall(bo).questions.get(id)?.state === 'approved');
    // Approved in section 1 (or at once): shown in both.
    await waitFor(() => hall(host).questions.get(id)?.state === 'approved' && hall(bo).questions.get(id)?.state === 'approved', 5000, 'the question in both sections');
    await act(ada, ClientMessage.Vote, { id, up: true }, () => hall(bo).questions.get(id)?.votes === 1, 'a vote in section 1 to count in section 2');
    await act(cy, ClientMessage.Vote, { id, up: true }, () => hall(ada).questions.get(id)?.votes === 2, 'a vote in section 2 to count in section 1');
    await act(host, ClientMessage.ModerateQuestion, { id, action: 'answer' }, () => hall(cy).answering === id, 'the answer on section 2\'s screen');
    expect(hall(bo).questions.get(id)?.state).toBe('answering');
  });

  it("stands the host on every section's stage, moving as she moves, and takes her off when she leaves it", async () => {
    const hostId = host.room.sessionId;
    expect(bo.room.state.avatars.has(hostId)).toBe(false);
    await act(host, ClientMessage.GoToStage, {}, () => stageAt(layout, me(host).x, me(host).z) !== undefined);
    // In section 2 a figure under her own session id (her voice's identity), where she stands.
    await waitFor(() => bo.room.state.avatars.get(hostId)?.name === 'Hana Host', 5000, 'the host on section 2\'s stage');
    const figure = () => bo.room.state.avatars.get(hostId)!;
    expect(stageAt(layout, figure().x, figure().z)).toBeDefined();
    expect(Math.hypot(figure().x - me(host).x, figure().z - me(host).z)).toBeLessThan(0.05);
    expect(figure().role).toBe(me(host).role);
    // Not someone in section 2: the count there stays Bo and Cy.
    expect(hall(bo).present).toBe(2);
    // She walks along the stage: the figure follows.
    const from = { x: me(host).x, z: me(host).z };
    await walk(host, 6, { forward: 0, strafe: 1, run: false, yaw: me(host).yaw });
    await waitFor(() => Math.hypot(me(host).x - from.x, me(host).z - from.z) > 0.3, 5000, 'the host to move');
    await waitFor(() => Math.hypot(figure().x - me(host).x, figure().z - me(host).z) < 0.05, 5000, 'the figure to follow');
    // She leaves the stage (to a seat): the figure goes.
    await act(host, ClientMessage.Sit, { seat: 0 }, () => me(host).seat === 0);
    await waitFor(() => !bo.room.state.avatars.has(hostId), 5000, 'the figure to leave section 2');
  });

  it('keeps one hands queue and one floor mic: a moderator in section 1 calls a hand from section 2', async () => {
    const cyId = cy.room.sessionId;
    await act(cy, ClientMessage.Hand, { up: true }, () => me(cy).hand > 0);
    await act(ada, ClientMessage.Hand, { up: true }, () => me(ada).hand > 0);
    // Section 1's moderators see Cy's hand, from section 2, before Ada's (raised later, here).
    await waitFor(() => hall(host).handsElsewhere.get(cyId)?.section === 2, 5000, "Cy's hand in section 1");
    expect(hall(host).handsElsewhere.get(cyId)!.hand).toBeLessThan(me(ada).hand);
    await act(host, ClientMessage.FloorCall, { sessionId: cyId, seconds: 60 }, () => hall(cy).floor.holder === cyId, 'Cy at section 2\'s floor mic');
    const mic = layout.stage!.floorMic;
    expect(Math.hypot(me(cy).x - mic.x, me(cy).z - mic.z)).toBeLessThan(0.05);
    // Section 1's screen shows Cy holding the floor in section 2, and Cy stands at section 1's mic too.
    await waitFor(() => hall(host).floor.holder === cyId && hall(host).floorSection === 2, 5000, 'the floor in section 1');
    await waitFor(() => host.room.state.avatars.get(cyId) !== undefined, 5000, "Cy's figure at section 1's mic");
    // One floor: Ada cannot be called while Cy speaks.
    expect((await refused(host, ClientMessage.FloorCall, { sessionId: ada.room.sessionId, seconds: 60 })).code).toBe('CONFLICT');
    const endsAt = hall(cy).floor.endsAt;
    await act(host, ClientMessage.FloorExtend, { seconds: 30 }, () => hall(cy).floor.endsAt > endsAt, 'the extension in section 2');
    await act(host, ClientMessage.FloorEnd, {}, () => hall(cy).floor.holder === '', 'the end of the turn in section 2');
    await waitFor(() => hall(host).floor.holder === '' && !host.room.state.avatars.has(cyId), 5000, 'section 1 to see the turn end');
    await act(ada, ClientMessage.Hand, { up: false }, () => me(ada).hand === 0);
  });

  it("adds every section's reactions to what each section hears, once", async () => {
    const heard: ReactionBurst[] = [];
    host.room.onMessage(ServerMessage.Reactions, (burst: ReactionBurst) => heard.push(burst));
    cy.room.send(ClientMessage.React, { kind: 'applause' });
    bo.room.send(ClientMessage.React, { kind: 'applause' });
    await waitFor(() => heard.reduce((n, b) => n + b.counts.applause, 0) >= 2, 5000, 'section 2\'s applause in section 1');
    // A moment later nothing more arrives: section 1 did not send them back to be counted again.
    ada.room.send(ClientMessage.React, { kind: 'laugh' });
    await waitFor(() => heard.some((b) => b.counts.laugh > 0), 5000, 'a laugh here');
    expect(heard.reduce((n, b) => n + b.counts.applause, 0)).toBe(2);
  });

  it('ends the event in every section: hands go down and no new hand goes up', async () => {
    await act(cy, ClientMessage.Hand, { up: true }, () => me(cy).hand > 0);
    await act(host, ClientMessage.EventRun, { action: 'end' }, () => hall(bo).event.state === 'ended', 'section 2 to see the end');
    await waitFor(() => me(cy).hand === 0, 5000, "Cy's hand to go down in section 2");
    await waitFor(() => hall(host).event.state === 'ended', 5000, 'section 1 to see the end');
    expect((await refused(cy, ClientMessage.Hand, { up: true })).code).toBe('CONFLICT');
  });
});

describe('counting who attends across sections', () => {
  let other: Awaited<ReturnType<typeof bootServer>>;
  beforeAll(async () => {
    other = await bootServer({ MAX_CLIENTS_PER_SPACE: '2', MAX_SECTIONS: '2', SECTION_STAFF_RESERVE: '0' });
  });
  afterAll(async () => {
    await other?.close();
  });

  it("counts the same people in every section: a moderator's console connection is not someone attending", async () => {
    const mod = await createAccount(other, { name: 'Mo Desk', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
    // Section 1: the console (a connection without an avatar) and Ada; Bo opens section 2.
    const desk = await new Client(other.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token: mod.token, console: true });
    desk.onMessage('*', () => undefined);
    const a = await joinHall(other.url, { name: 'Ada' });
    expect(a.room.roomId).toBe(desk.roomId);
    const b = await joinHall(other.url, { name: 'Bo' });
    expect(hall(b).section).toBe(2);
    await waitFor(() => hall(a).sections === 2 && hall(b).sections === 2, 8000, 'both sections to count two sections');
    await waitFor(() => hall(a).attending === 2 && hall(b).attending === 2, 8000, 'both sections to count Ada and Bo');
    // And they stay agreed over the next counts (each every 2 s).
    const seen = { a: new Set<number>(), b: new Set<number>() };
    const until = Date.now() + 4500;
    await waitFor(() => { seen.a.add(hall(a).attending); seen.b.add(hall(b).attending); return Date.now() > until; }, 8000, 'two more counts');
    expect([...seen.a]).toEqual([2]);
    expect([...seen.b]).toEqual([2]);
    for (const r of [a.room, b.room, desk]) await r.leave();
  });

  it("does not stand someone going to the stage inside the figure of someone on another section's stage", async () => {
    const hana = await createAccount(other, { name: 'Hana Stage', grants: [{ role: 'host', spaceId: 'townhall' }] });
    const omar = await createAccount(other, { name: 'Omar Stage', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
    const h = await joinHall(other.url, { token: hana.token });
    const filler = await joinHall(other.url, { name: 'Fay' });
    const token = omar.token;
    const o = track(await new Client(other.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token, section: 2 }));
    await waitFor(() => o.room.state?.avatars?.has(o.room.sessionId), 5000, "Omar's avatar");
    expect(hall(o).section).toBe(2);
    await act(h, ClientMessage.GoToStage, {}, () => stageAt(layout, me(h).x, me(h).z) !== undefined);
    const hanaId = h.room.sessionId;
    await waitFor(() => o.room.state.avatars.get(hanaId)?.name === 'Hana Stage', 5000, "Hana's figure in section 2");
    await act(o, ClientMessage.GoToStage, {}, () => stageAt(layout, me(o).x, me(o).z) !== undefined);
    const figure = o.room.state.avatars.get(hanaId)!;
    expect(Math.hypot(me(o).x - figure.x, me(o).z - figure.z)).toBeGreaterThanOrEqual(STAGE_SPACING - 1e-3);
    for (const t of [h, filler, o]) await t.room.leave();
  });
});

describe('a section opening while the event starts in another', () => {
  let third: Awaited<ReturnType<typeof bootServer>>;
  beforeAll(async () => {
    third = await bootServer({ MAX_CLIENTS_PER_SPACE: '1', MAX_SECTIONS: '2', SECTION_STAFF_RESERVE: '0' });
  });
  afterAll(async () => {
    await third?.close();
  });

  it('shows the event live even when the start came between its first read and its listening', async () => {
    // Found by a CI run of crashSafety.test: a host and guests arriving at once opened two
    // sections; the host started the event while the guests' section was reading it, and that
    // section went on showing it scheduled, so nobody there could ask.
    const hana = await createAccount(third, { name: 'Hana Opening', grants: [{ role: 'host', spaceId: 'townhall' }] });
    const h = await joinHall(third.url, { token: hana.token });
    if (hall(h).event.state === 'live') await act(h, ClientMessage.EventRun, { action: 'end' }, () => hall(h).event.state === 'ended');
    const event = await callApi('createEvent', {
      baseUrl: third.http, token: hana.token,
      body: { spaceId: 'townhall', title: 'Opening race', startsAt: new Date(Date.now() - 60_000).toISOString() },
    });
    await waitFor(() => hall(h).event.id === event.id, 5000, 'the event on show in section 1');
    // Section 2's first read of the event is held until section 1 has started it.
    const events = third.repos.events;
    const current = events.current.bind(events);
    let reading = false;
    events.current = async (spaceId) => {
      const read = await current(spaceId);
      events.current = current;
      reading = true;
      await waitFor(() => hall(h).event.state === 'live', 10_000, 'the start in section 1');
      return read;
    };
    try {
      const joining = joinHall(third.url, { name: 'Gus' });
      await waitFor(() => reading, 10_000, "section 2's first read");
      await act(h, ClientMessage.EventRun, { action: 'start' }, () => hall(h).event.state === 'live');
      const gus = await joining;
      expect(hall(gus).section).toBe(2);
      await waitFor(() => hall(gus).event.state === 'live', 5000, 'section 2 to show the event live');
      await gus.room.leave();
    } finally {
      events.current = current;
    }
    await h.room.leave();
  });
});
