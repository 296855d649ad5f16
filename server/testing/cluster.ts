import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, type SeatReservation } from 'colyseus.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { startPostgresDatabase, startRedis, startWorker, type Started, type Worker } from '../../e2e/load/cluster.js';
import { hashPassword } from '../auth/passwords.js';
import { openDatabase, type DatabaseHandle } from '../store/db.js';
import { createRepos, type Repos } from '../store/repos.js';
import { waitFor } from './harness.js';
import { track, type Tracked } from './hall.js';

/** Two real server processes on one real Redis and one real PostgreSQL database, and the store they share. */
export interface TestCluster {
  redis: Started;
  database: Started;
  a: Worker;
  b: Worker;
  store: DatabaseHandle;
  repos: Repos;
  /** Stops the processes, closes the store, drops the database, stops Redis, removes DATA_DIR. */
  stop(): Promise<void>;
}

/**
 * Starts what a test over several processes needs (server/cluster.test.ts and the others): Redis
 * (scripts/redis.sh, REDIS_PORT or a free port), a PostgreSQL database of its own named `name`
 * (on TEST_DATABASE_URL's server or one started here), and two server processes sharing them with
 * `env` added (the first migrates the database, then the second starts). Whatever started is
 * stopped again if a later part fails. Nothing is skipped: without redis-server or PostgreSQL it fails.
 */
export async function startTestCluster(name: string, env: Record<string, string> = {}): Promise<TestCluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const started: Partial<Omit<TestCluster, 'stop' | 'repos'>> = {};
  const stop = async (): Promise<void> => {
    try {
      await started.b?.stop();
      await started.a?.stop();
    } finally {
      await started.store?.close();
      await started.database?.stop();
      await started.redis?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    started.redis = await startRedis();
    started.database = await startPostgresDatabase(`${name}_${process.pid}`);
    const shared = { DATABASE_URL: started.database.url, REDIS_URL: started.redis.url, DATA_DIR: dataDir, SESSION_SECRET: 'a session secret both processes share, 40+', ...env };
    started.a = await startWorker(shared);
    started.b = await startWorker(shared);
    started.store = openDatabase({ databaseUrl: started.database.url, dataDir });
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  const { redis, database, a, b, store } = started as Required<typeof started>;
  return { redis, database, a, b, store, repos: createRepos(store.db), stop };
}

/**
 * Helpers for tests over several real server processes (server/cluster.test.ts and others):
 * accounts made in the shared store and signed in over HTTP, and entering a space through one
 * process's matchmaker while learning which process holds the room.
 */
export function clusterPeople(repos: Repos, workers: readonly Worker[], prefix: string) {
  let people = 0;
  const opened: Tracked[] = [];

  /** An account made in the shared store (as the admin CLI does), signed in over HTTP on the first process. */
  async function account(name: string, grants: { role: string; spaceId: string | null }[] = []) {
    const email = `${prefix}${++people}@example.org`;
    const password = `a long password ${people}`;
    const created = await repos.accounts.create({ email, passwordHash: await hashPassword(password), displayName: name });
    for (const g of grants) await repos.roles.grant({ accountId: created.id, role: g.role, spaceId: g.spaceId });
    const { token } = await callApi('login', { baseUrl: workers[0]!.http, body: { email, password } });
    return { id: created.id, email, password, token };
  }

  /** Enters a space through one process's matchmaker, as the browser does; says which process hosts the room. */
  async function enter(via: Worker, token: string, options: { spaceId?: string; section?: number; method?: 'joinOrCreate' | 'create' } = {}): Promise<{ t: Tracked; host: Worker; other: Worker }> {
    const res = await fetch(`${via.http}/matchmake/${options.method ?? 'joinOrCreate'}/space`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ spaceId: options.spaceId ?? 'townhall', token, ...(options.section ? { section: options.section } : {}) }),
    });
    const reservation = await res.json() as SeatReservation & { room: { publicAddress?: string }; error?: string };
    // A refusal from a room created on the other process comes back with status 200 and an `error`.
    if (res.status !== 200 || reservation.error || !reservation.room) throw new Error(reservation.error ?? JSON.stringify(reservation));
    const host = workers.find((w) => w.address === reservation.room.publicAddress);
    if (!host) throw new Error(`the room's public address ${reservation.room.publicAddress} is no process's`);
    const room = await new Client(via.url).consumeSeatReservation<SpaceState>(reservation);
    const t = track(room);
    opened.push(t);
    await waitFor(() => room.state?.avatars?.has(room.sessionId), 5000, 'the own avatar');
    return { t, host, other: workers.find((w) => w !== host)! };
  }

  /** Leaves every connection still open (leaving a closed one waits for ever). */
  async function leaveAll(): Promise<void> {
    await Promise.all(opened.filter((t) => t.room.connection.isOpen).map((t) => t.room.leave().catch(() => undefined)));
  }

  return { account, enter, leaveAll };
}
