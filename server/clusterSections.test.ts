import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientMessage } from '../shared/protocol/messages.js';
import { stageAt } from '../shared/spaces/collision.js';
import type { SpaceLayout } from '../shared/spaces/layout.js';
import { startPostgresDatabase, startRedis, startWorker, type Started, type Worker } from '../e2e/load/cluster.js';
import { openDatabase, type DatabaseHandle } from './store/db.js';
import { createRepos } from './store/repos.js';
import { clusterPeople } from './testing/cluster.js';
import { act, hall, lastQueue, me, type Tracked } from './testing/hall.js';
import { waitFor } from './testing/harness.js';

/**
 * Sections of one event on two real server processes (issue 19): a real Redis (Colyseus
 * RedisDriver lists the sections, RedisPresence carries the stage and the change feed) and a
 * real PostgreSQL. Two people per room, so the second section opens with a handful of visitors;
 * Colyseus puts it on the process with fewer rooms, the other one.
 */
let redis: Started;
let database: Started;
let a: Worker;
let b: Worker;
let store: DatabaseHandle;
let people: ReturnType<typeof clusterPeople>;
let layout: SpaceLayout;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-sections-'));

beforeAll(async () => {
  redis = await startRedis();
  database = await startPostgresDatabase(`hustings_sections_test_${process.pid}`);
  const env = {
    DATABASE_URL: database.url, REDIS_URL: redis.url, DATA_DIR: dataDir, SESSION_SECRET: 'a session secret both processes share, 40+',
    MAX_CLIENTS_PER_SPACE: '2', MAX_SECTIONS: '3',
  };
  a = await startWorker(env);
  b = await startWorker(env);
  store = openDatabase({ databaseUrl: database.url, dataDir });
  const repos = createRepos(store.db);
  people = clusterPeople(repos, [a, b], 'sections');
  layout = (await repos.spaces.get('townhall'))!;
}, 120_000);

afterAll(async () => {
  try {
    await people?.leaveAll();
  } finally {
    await b?.stop();
    await a?.stop();
    await store?.close();
    await database?.stop();
    await redis?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
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
    await act(host, ClientMessage.FloorCall, { sessionId: boId, seconds: 60 }, () => hall(bo).floor.holder === boId, "Bo at section 2's mic");
    await waitFor(() => hall(host).floor.holder === boId && hall(host).floorSection === 2, 10_000, 'the floor on section 1\'s screen');
    await act(host, ClientMessage.FloorEnd, {}, () => hall(bo).floor.holder === '', "the turn's end in section 2");

    await act(host, ClientMessage.EventRun, { action: 'end' }, () => hall(bo).event.state === 'ended', 'the end in section 2');
  });
});
