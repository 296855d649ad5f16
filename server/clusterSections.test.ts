import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientMessage } from '../shared/protocol/messages.js';
import { stageAt } from '../shared/spaces/collision.js';
import type { SpaceLayout } from '../shared/spaces/layout.js';
import type { Worker } from '../e2e/load/cluster.js';
import { clusterPeople, startTestCluster, type TestCluster } from './testing/cluster.js';
import { act, acked, hall, lastQueue, me, type Tracked } from './testing/hall.js';
import { waitFor } from './testing/harness.js';

/**
 * Sections of one event on two real server processes (issue 19): a real Redis (Colyseus
 * RedisDriver lists the sections, RedisPresence carries the stage and the change feed) and a
 * real PostgreSQL. Two people per room, so the second section opens with a handful of visitors;
 * Colyseus puts it on the process with fewer rooms, the other one.
 */
let cluster: TestCluster;
let a: Worker;
let b: Worker;
let people: ReturnType<typeof clusterPeople>;
let layout: SpaceLayout;

beforeAll(async () => {
  cluster = await startTestCluster('hustings_sections_test', { MAX_CLIENTS_PER_SPACE: '2', MAX_SECTIONS: '3', SECTION_STAFF_RESERVE: '0' });
  ({ a, b } = cluster);
  people = clusterPeople(cluster.repos, [a, b], 'sections');
  layout = (await cluster.repos.spaces.get('townhall'))!;
}, 120_000);

afterAll(async () => {
  try {
    await people?.leaveAll();
  } finally {
    await cluster?.stop();
  }
}, 60_000);

describe('one event in sections on two processes', () => {
  let host: Tracked;
  let ada: Tracked;
  let bo: Tracked;

  it('opens section 2 on the other process when section 1 is full, and both count everyone', async () => {
    const hostAccount = await people.account('Hana Host', [{ role: 'host', spaceId: 'townhall' }, { role: 'moderator', spaceId: 'townhall' }]);
    const first = await people.enter(a, hostAccount.token);
    host = first.t;
    if (hall(host).event.state !== 'live') await act(host, ClientMessage.EventRun, { action: 'start' }, () => hall(host).event.state === 'live');
    ada = (await people.enter(b, (await people.account('Ada')).token)).t;
    expect(ada.room.roomId).toBe(host.room.roomId);
    const second = await people.enter(first.host, (await people.account('Bo')).token);
    bo = second.t;
    expect(hall(bo).section).toBe(2);
    expect(second.host).not.toBe(first.host);
    await waitFor(() => hall(host).sections === 2 && hall(host).attending === 3, 10_000, 'section 1 to count both sections');
    await waitFor(() => hall(bo).sections === 2 && hall(bo).attending === 3, 10_000, 'section 2 to count both sections');
    // A friend's link to section 2, through the process that does not hold it.
    const cy = await people.enter(first.host, (await people.account('Cy')).token, { section: 2 });
    expect(cy.t.room.roomId).toBe(bo.room.roomId);
    await cy.t.room.leave();
  });

  it('shares the Q&A, the stage, the hands and the floor across the processes', async () => {
    await act(bo, ClientMessage.Ask, { text: 'Who pays for the new tram line?', anonymous: false },
      () => lastQueue(host)?.pending.some((q) => q.text === 'Who pays for the new tram line?')
        || [...hall(host).questions.values()].some((q) => q.text === 'Who pays for the new tram line?'), 'the question in section 1');
    const pending = lastQueue(host)?.pending.find((q) => q.text === 'Who pays for the new tram line?');
    const id = pending?.id ?? [...hall(host).questions.values()].find((q) => q.text === 'Who pays for the new tram line?')!.id;
    if (pending) await act(host, ClientMessage.ModerateQuestion, { id, action: 'approve' }, () => hall(bo).questions.get(id)?.state === 'approved', 'the approval in section 2');
    await act(ada, ClientMessage.Vote, { id, up: true }, () => hall(bo).questions.get(id)?.votes === 1, 'the vote in section 2');
    await act(host, ClientMessage.ModerateQuestion, { id, action: 'answer' }, () => hall(bo).answering === id, 'the answer on section 2\'s screen');

    await act(host, ClientMessage.GoToStage, {}, () => stageAt(layout, me(host).x, me(host).z) !== undefined);
    const hostId = host.room.sessionId;
    await waitFor(() => {
      const figure = bo.room.state.avatars.get(hostId);
      return figure && Math.hypot(figure.x - me(host).x, figure.z - me(host).z) < 0.05;
    }, 10_000, "the host on section 2's stage");

    // One floor: Bo's hand, raised in section 2, is called from section 1 to section 2's mic.
    const boId = bo.room.sessionId;
    await act(bo, ClientMessage.Hand, { up: true }, () => me(bo).hand > 0);
    await waitFor(() => hall(host).handsElsewhere.get(boId)?.section === 2, 10_000, "Bo's hand in section 1");
    // Acknowledged in section 2's words, once section 2 has written the turn.
    expect((await acked(host, ClientMessage.FloorCall, { sessionId: boId, seconds: 60 })).message).toBe('Bo has the floor in section 2.');
    await waitFor(() => hall(bo).floor.holder === boId, 10_000, "Bo at section 2's mic");
    await waitFor(() => hall(host).floor.holder === boId && hall(host).floorSection === 2, 10_000, 'the floor on section 1\'s screen');
    await act(host, ClientMessage.FloorEnd, {}, () => hall(bo).floor.holder === '', "the turn's end in section 2");
    await waitFor(() => hall(host).floor.holder === '', 10_000, 'section 1 to see the turn end');
  });

  it('refuses the second of two calls made at once in sections on two processes: PostgreSQL keeps one open turn', async () => {
    const mo = (await people.enter(a, (await people.account('Mo Moderator', [{ role: 'moderator', spaceId: 'townhall' }])).token, { section: 2 })).t;
    expect(mo.room.roomId).toBe(bo.room.roomId);
    const outcomes = (from: number[]) => [host, mo].flatMap((t, i) => [...t.acks.slice(from[i * 2]), ...t.errors.slice(from[i * 2 + 1])]).filter((x) => x.ref === ClientMessage.FloorCall);
    const from = [host.acks.length, host.errors.length, mo.acks.length, mo.errors.length];
    host.room.send(ClientMessage.FloorCall, { sessionId: ada.room.sessionId, seconds: 60 });
    mo.room.send(ClientMessage.FloorCall, { sessionId: bo.room.sessionId, seconds: 60 });
    await waitFor(() => outcomes(from).length === 2, 10_000, 'both calls to be answered');
    const errors = [...host.errors.slice(from[1]), ...mo.errors.slice(from[3])];
    const open = (await cluster.repos.floorTurns.listForEvent(hall(host).event.id)).filter((t) => t.endedAt === null);
    expect(open).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'CONFLICT', message: `${open[0]!.holderName} has the floor in section ${open[0]!.section}; end their turn first.` });
    // Section 1 shows the turn wherever it runs (at once if here, within a relay period if there); ending it goes there.
    await waitFor(() => hall(host).floor.holder !== '', 10_000, 'section 1 to show the turn');
    await act(host, ClientMessage.FloorEnd, {}, () => hall(ada).floor.holder === '' && hall(bo).floor.holder === '', 'the turn to end');
  });

  it('ends the event in every section', async () => {
    await act(host, ClientMessage.EventRun, { action: 'end' }, () => hall(bo).event.state === 'ended', 'the end in section 2');
  });

  it('gives one of two sections opened at the same moment through the two processes the last number, and refuses the other', async () => {
    // Sections 1 and 2 are full (two people each); MAX_SECTIONS is 3: both openings aim at section 3.
    const tokens = [(await people.account('Xan')).token, (await people.account('Yve')).token];
    const [x, y] = await Promise.allSettled([people.enter(a, tokens[0]!, { method: 'create' }), people.enter(b, tokens[1]!, { method: 'create' })]);
    const opened = [x, y].flatMap((r) => (r.status === 'fulfilled' ? [r.value.t] : []));
    const refusals = [x, y].flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(opened.map((t) => hall(t).section)).toEqual([3]);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/ROOM_FULL: Every section of this event is full/);
  });
});
