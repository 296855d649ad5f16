/**
 * npm run bench:cluster -- [--visitors 50] [--rounds 40] [--seeds 1,2,3]
 *
 * Two real server processes on a real Redis and PostgreSQL (started here, stopped after; set
 * REDIS_PORT / PGPORT to choose their ports, TEST_DATABASE_URL to use a running PostgreSQL). The
 * town hall lives on one process ("host"); visitors enter through both. Each round an admin grants
 * or revokes a role over HTTP, on the host process ("same") or on the other ("other"), and the
 * figure is the time from sending the request until every visitor's state shows the new badge:
 * the change feed in-process versus over Redis, in one run. Also: Redis commands per second,
 * and the CPU of both servers and of this load generator. The last line is JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, type Room } from 'colyseus.js';
import { Redis } from 'ioredis';
import { callApi, requestGuestSession } from '../../shared/protocol/apiClient.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { openDatabase } from '../../server/store/db.js';
import { createRepos } from '../../server/store/repos.js';
import { startPostgresDatabase, startRedis, startWorker, type Worker } from './cluster.js';
import { mulberry32 } from './random.js';
import { printReport } from './report.js';
import { quantile, round, waitFor } from './stats.js';

const { values } = parseArgs({ options: { visitors: { type: 'string', default: '50' }, rounds: { type: 'string', default: '40' }, seeds: { type: 'string', default: '1,2,3' } } });
const visitors = Number(values.visitors);
const rounds = Number(values.rounds);
const seeds = values.seeds.split(',').map(Number);

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const redis = await startRedis();
const database = await startPostgresDatabase(`hustings_cluster_bench_${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-cluster-bench-'));
const workers: Worker[] = [];
const rooms: Room<SpaceState>[] = [];
try {
  const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, DATA_DIR: dataDir, SESSION_SECRET: 'a session secret for the cluster bench only', MAX_CLIENTS_PER_SPACE: '1000' };
  workers.push(await startWorker(env), await startWorker(env));
  const store = openDatabase({ databaseUrl: database.url, dataDir });
  const repos = createRepos(store.db);
  const make = async (name: string, grants: { role: string; spaceId: string | null }[]) => {
    const email = `${name.toLowerCase().replace(/\W/g, '')}@example.org`;
    const account = await repos.accounts.create({ email, passwordHash: await hashPassword('a long bench password'), displayName: name });
    for (const g of grants) await repos.roles.grant({ accountId: account.id, role: g.role, spaceId: g.spaceId });
    const { token } = await callApi('login', { baseUrl: workers[0]!.http, body: { email, password: 'a long bench password' } });
    return { id: account.id, token };
  };
  const admin = await make('Bench Admin', [{ role: 'admin', spaceId: null }]);
  const subject = await make('Bench Subject', []);
  const join = async (via: Worker, token: string) => {
    const room = await new Client(via.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token });
    rooms.push(room);
    // Questions, motion frames and the like: not measured here.
    room.onMessage('*', () => undefined);
    await waitFor(() => room.state?.avatars?.has(room.sessionId), 10_000, 'an avatar');
    return room;
  };
  const subjectRoom = await join(workers[0]!, subject.token);
  for (let i = 0; i < visitors; i++) {
    const via = workers[i % 2]!;
    await join(via, (await requestGuestSession(via.http, `Visitor ${i + 1}`)).token);
  }
  // Which process holds the room: the one whose address the connection went to.
  const listing = await fetch(`${workers[1]!.http}/matchmake/joinOrCreate/space`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spaceId: 'townhall', token: admin.token }),
  }).then((r) => r.json() as Promise<{ room: { publicAddress: string } }>);
  const host = workers.find((w) => w.address === listing.room.publicAddress)!;
  const other = workers.find((w) => w !== host)!;
  const observers = rooms.filter((r) => r.roomId === subjectRoom.roomId);

  const redisClient = new Redis(redis.url);
  const commands = async () => Number(/total_commands_processed:(\d+)/.exec(await redisClient.info('stats'))?.[1]);
  const perSeed: Record<string, unknown>[] = [];
  const all: Record<'same' | 'other', number[]> = { same: [], other: [] };
  let grantId: string | undefined;
  for (const seed of seeds) {
    const random = mulberry32(seed);
    const times: Record<'same' | 'other', number[]> = { same: [], other: [] };
    const [cpu0, cmd0, bench0, at0] = [workers.map((w) => cpuSeconds(w.child.pid!)), await commands(), process.cpuUsage(), performance.now()];
    for (let r = 0; r < rounds; r++) {
      const route = random() < 0.5 ? 'same' : 'other';
      const via = route === 'same' ? host : other;
      const wanted = grantId ? 'visitor' : 'moderator';
      const started = performance.now();
      const seen = observers.map((room) => new Promise<void>((resolve) => {
        const check = () => {
          if (room.state.avatars.get(subjectRoom.sessionId)?.role !== wanted) return;
          room.onStateChange.remove(check);
          resolve();
        };
        room.onStateChange(check);
      }));
      if (grantId) {
        await callApi('revokeGrant', { baseUrl: via.http, token: admin.token, params: { id: grantId } });
        grantId = undefined;
      } else {
        grantId = (await callApi('createGrant', { baseUrl: via.http, token: admin.token, body: { accountId: subject.id, role: 'moderator', spaceId: 'townhall' } })).id;
      }
      await Promise.all(seen);
      times[route].push(performance.now() - started);
    }
    const seconds = (performance.now() - at0) / 1000;
    const bench = process.cpuUsage(bench0);
    perSeed.push({
      seed,
      ...Object.fromEntries((['same', 'other'] as const).flatMap((p) => [[`${p}Rounds`, times[p].length], [`${p}P50Ms`, round(quantile(times[p], 0.5), 1)], [`${p}P99Ms`, round(quantile(times[p], 0.99), 1)]])),
      redisOpsPerSecond: round(((await commands()) - cmd0) / seconds, 1),
      serverCpuPercent: workers.map((w, i) => round(((cpuSeconds(w.child.pid!) - cpu0[i]!) / seconds) * 100, 1)),
      benchCpuPercent: round(((bench.user + bench.system) / 1e6 / seconds) * 100, 1),
    });
    all.same.push(...times.same);
    all.other.push(...times.other);
  }
  redisClient.disconnect();
  await store.close();
  for (const s of perSeed) console.log(JSON.stringify(s));
  const result = {
    scenario: 'cluster-change-feed', servers: 2, visitors: observers.length, roundsPerSeed: rounds, seeds,
    sameP50Ms: round(quantile(all.same, 0.5), 1), sameP99Ms: round(quantile(all.same, 0.99), 1),
    otherP50Ms: round(quantile(all.other, 0.5), 1), otherP99Ms: round(quantile(all.other, 0.99), 1),
    otherOverSameP50: round(quantile(all.other, 0.5) / quantile(all.same, 0.5), 2),
  };
  printReport(result);
  console.log(JSON.stringify(result));
} finally {
  await Promise.all(rooms.filter((r) => r.connection.isOpen).map((r) => r.leave().catch(() => undefined)));
  for (const w of workers) await w.stop();
  await database.stop();
  await redis.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
