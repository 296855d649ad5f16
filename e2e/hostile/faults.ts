/**
 * npm run bench:faults -- [--hold 3000]
 *
 * The database locked: a real server process on SQLite while another connection holds the
 * write lock for --hold ms (BEGIN IMMEDIATE), as a backup tool or a stray sqlite3 shell would.
 * Meanwhile a visitor enters as a guest (a write) and /healthz is asked every 50 ms. Prints how
 * long the guest's request took and what it answered, the longest /healthz wait during the lock
 * (the event loop is blocked while better-sqlite3 waits on busy_timeout), and whether a write
 * works again once the lock is gone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { startServerProcess, stopServerProcess } from './serverProcess.js';

const { values } = parseArgs({ options: { hold: { type: 'string', default: '3000' } } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-faults-'));
const server = await startServerProcess({ dataDir });
const guest = async () => {
  const t = performance.now();
  const res = await fetch(`${server.http}/api/session/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Locked out' }) });
  const body = await res.json() as { code?: string; message?: string };
  return { ms: Math.round(performance.now() - t), status: res.status, code: body.code ?? null, message: body.message ?? null };
};
try {
  const before = await guest();
  const lock = new SqliteDatabase(path.join(dataDir, 'hustings.sqlite'));
  let healthMax = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const t = performance.now();
      await fetch(`${server.http}/healthz`).then((r) => r.arrayBuffer(), () => undefined);
      healthMax = Math.max(healthMax, performance.now() - t);
      await sleep(50);
    }
  })();
  await sleep(300);
  const healthBaseline = healthMax;
  lock.exec('BEGIN IMMEDIATE');
  const release = sleep(Number(values.hold)).then(() => lock.exec('COMMIT'));
  const during = await guest();
  await release;
  const after = await guest();
  polling = false;
  await poll;
  lock.close();
  console.log(JSON.stringify({
    holdMs: Number(values.hold), before, during, after,
    healthzMaxMsBefore: Math.round(healthBaseline), healthzMaxMsDuringLock: Math.round(healthMax), serverAlive: !server.exit(),
  }));
} finally {
  await stopServerProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
