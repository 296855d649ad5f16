import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { Redis } from 'ioredis';
import { hashPassword } from '../../server/auth/passwords.js';
import { openDatabase } from '../../server/store/db.js';
import { createRepos } from '../../server/store/repos.js';
import { freePort } from '../freePort.js';
import { startPostgresDatabase, startRedis, startWorker, type Worker } from './cluster.js';
import { parentOf } from './hostStats.js';

/**
 * What the sections scenario runs on, started as an operator would: a real Redis
 * (scripts/redis.sh, REDIS_PORT), a PostgreSQL database (scripts/postgres.sh on PGPORT, or
 * TEST_DATABASE_URL's server), N server processes sharing both, and a staff account (an admin)
 * made in the database. Everything started is stopped by `stop()`, in reverse order, also after
 * a failure half-way; `stopOnSignal` runs it on Ctrl+C or SIGTERM before the tool exits.
 */
/** What to stop, in reverse order of starting; safe to run twice (the second run waits for the first). */
export class Teardown {
  private readonly steps: { what: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly say: (message: string) => void) {}

  add(what: string, run: () => Promise<void>): void {
    this.steps.push({ what, run });
  }

  run(): Promise<void> {
    return (this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (err) {
          this.say(`stopping ${step.what} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    })());
  }
}

export interface SectionCluster {
  servers: Worker[];
  redisUrl: string;
  redis: Redis;
  /** PostgreSQL's postmaster (for its CPU), when it runs on this machine. */
  postgresPid: number | undefined;
  staff: { email: string; password: string };
}

export interface ClusterOptions {
  servers: number;
  /** People per section room (MAX_CLIENTS_PER_SPACE). */
  sectionSize: number;
  maxSections: number;
  say: (message: string) => void;
}

const root = path.resolve(import.meta.dirname, '../..');
const script = promisify(execFile);

/**
 * Starts everything; each part is added to `teardown` before it starts (its script's stop is
 * harmless when nothing runs), so an interruption half-way leaves nothing behind.
 */
export async function startSectionCluster(o: ClusterOptions, teardown: Teardown): Promise<SectionCluster> {
  // Ports chosen here, so the stop is known before the start (REDIS_PORT / PGPORT when given).
  process.env.REDIS_PORT ||= String(await freePort());
  teardown.add('Redis', async () => { await script('scripts/redis.sh', ['stop'], { cwd: root, env: process.env }); });
  const redis = await startRedis();
  o.say(`Redis at ${redis.url}`);
  if (!process.env.TEST_DATABASE_URL) {
    process.env.PGPORT ||= String(await freePort());
    teardown.add('PostgreSQL', async () => { await script('scripts/postgres.sh', ['stop'], { cwd: root, env: process.env }); });
  }
  const database = await startPostgresDatabase(`hustings_sections_load_${process.pid}`);
  // Drops the run's database (and stops a PostgreSQL it started; the stop above is then a no-op).
  teardown.add('the run\'s database', () => database.stop());
  o.say(`PostgreSQL database ${new URL(database.url).pathname.slice(1)} on ${new URL(database.url).host}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-sections-load-'));
  teardown.add('the data directory', async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  // scrape() reads /metrics with the same token.
  const metricsToken = (process.env.METRICS_TOKEN ||= randomBytes(24).toString('base64url'));
  const env = {
    DATABASE_URL: database.url, REDIS_URL: redis.url, DATA_DIR: dataDir, SESSION_SECRET: randomBytes(24).toString('base64url'),
    MAX_CLIENTS_PER_SPACE: String(o.sectionSize), MAX_SECTIONS: String(o.maxSections), METRICS_TOKEN: metricsToken,
  };
  const servers: Worker[] = [];
  teardown.add('the server processes', async () => { await Promise.all(servers.map((s) => s.stop())); });
  // One at a time: each runs the migrations on start.
  for (let i = 0; i < o.servers; i++) servers.push(await startWorker(env));
  o.say(`${o.servers} server processes: ${servers.map((s) => `${s.address} (pid ${s.child.pid})`).join(', ')}`);
  const staff = { email: 'load-chair@example.org', password: randomBytes(18).toString('base64url') };
  const store = openDatabase({ databaseUrl: database.url, dataDir });
  try {
    const repos = createRepos(store.db);
    const account = await repos.accounts.create({ email: staff.email, passwordHash: await hashPassword(staff.password), displayName: 'Load Chair' });
    await repos.roles.grant({ accountId: account.id, role: 'admin', spaceId: null });
  } finally {
    await store.close();
  }
  const client = new Redis(redis.url);
  teardown.add('the Redis client', async () => { client.disconnect(); });
  return { servers, redisUrl: redis.url, redis: client, postgresPid: await postmasterPid(database.url), staff };
}

/** The postmaster's pid: the parent of our own backend, when the server is on this machine. */
async function postmasterPid(url: string): Promise<number | undefined> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return parentOf(rows[0]!.pid);
  } finally {
    await client.end();
  }
}

/**
 * Runs the teardown when the tool is interrupted (Ctrl+C, SIGTERM, SIGHUP) or dies of an uncaught
 * error, then exits (130, 143 or 1): Redis and PostgreSQL run as daemons and would otherwise
 * outlive it. Server and bot processes are its children and are stopped by the teardown too.
 */
export function teardownOnExit(teardown: Teardown, say: (m: string) => void): void {
  let once = false;
  const finish = (why: string, code: number) => {
    if (once) return;
    once = true;
    say(`${why}: stopping every process this run started`);
    void teardown.run().finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => finish(signal, signal === 'SIGINT' ? 130 : 143));
  process.on('uncaughtException', (err) => finish(`uncaught: ${err.stack ?? err.message}`, 1));
  process.on('unhandledRejection', (err) => finish(`unhandled rejection: ${err instanceof Error ? err.stack ?? err.message : String(err)}`, 1));
}
