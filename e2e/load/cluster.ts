import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../freePort.js';

/**
 * Test support for several real server processes: a real Redis (scripts/redis.sh), a real
 * PostgreSQL (the one scripts/test.sh started, TEST_DATABASE_URL, or one of our own from
 * scripts/postgres.sh) with a database of its own, and server processes started as an operator
 * would. Whatever is started here is stopped by the returned stop().
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

export interface Started { url: string; stop(): Promise<void> }

/** Redis on REDIS_PORT (or a free port), through the project's own script. */
export async function startRedis(): Promise<Started> {
  const port = process.env.REDIS_PORT || String(await freePort());
  const env = { ...process.env, REDIS_PORT: port };
  const { stdout } = await run('scripts/redis.sh', ['start'], { cwd: root, env });
  const url = /REDIS_URL=(\S+)/.exec(stdout)?.[1];
  if (!url) throw new Error(`scripts/redis.sh start printed no REDIS_URL: ${stdout}`);
  return { url, stop: async () => { await run('scripts/redis.sh', ['stop'], { cwd: root, env }); } };
}

/** A PostgreSQL database of its own, on TEST_DATABASE_URL's server or on one started here (PGPORT or a free port). */
export async function startPostgresDatabase(name: string): Promise<Started> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    const env = { ...process.env, PGPORT: process.env.PGPORT || String(await freePort()) };
    const { stdout } = await run('scripts/postgres.sh', ['start'], { cwd: root, env });
    adminUrl = /DATABASE_URL=(\S+)/.exec(stdout)?.[1];
    if (!adminUrl) throw new Error(`scripts/postgres.sh start printed no DATABASE_URL: ${stdout}`);
    stopServer = async () => { await run('scripts/postgres.sh', ['stop'], { cwd: root, env }); };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await stopServer();
    },
  };
}

export interface Worker {
  port: number;
  http: string;
  url: string;
  /** This process's PUBLIC_ADDRESS: seat reservations in its rooms name it. */
  address: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** One server process (server/index.ts) with this environment, on a free port, ready when /healthz answers. */
export async function startWorker(env: Record<string, string>): Promise<Worker> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', VOICE: 'off', PUBLIC_ADDRESS: address, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const http = `http://${address}`;
  const deadline = Date.now() + 30_000;
  while (!await fetch(`${http}/healthz`).then((r) => r.ok, () => false)) {
    if (child.exitCode !== null) throw new Error(`the server process exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the server process did not answer /healthz within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { port, http, url: `ws://${address}`, address, child, stop };
}
