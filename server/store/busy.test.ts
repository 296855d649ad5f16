import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer } from '../testing/harness.js';
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'kysely';
import { openDatabase, SQLITE_FILE } from './db.js';
import { migrateToLatest } from './migrate.js';

/**
 * Another program holds SQLite's write lock (a backup, a stray sqlite3 shell): a write is
 * refused with UNAVAILABLE and a sentence, not INTERNAL, and works again once the lock goes.
 */
describe('a locked SQLite database', () => {
  let server: Awaited<ReturnType<typeof bootServer>>;
  beforeAll(async () => {
    server = await bootServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const enterAsGuest = async (name: string) => {
    const res = await fetch(`${server.http}/api/session/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() as { code?: string; message?: string; token?: string } };
  };

  it('refuses writes with UNAVAILABLE while another program holds the lock, and recovers by itself', async () => {
    expect((await enterAsGuest('Before')).status).toBe(201);
    const other = new SqliteDatabase(path.join(server.dataDir, SQLITE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      const during = await enterAsGuest('During');
      expect(during.status).toBe(503);
      expect(during.body.code).toBe('UNAVAILABLE');
      expect(during.body.message).toMatch(/database is busy/);
      expect(during.retryAfter).toBe('1');
      // Reads still work: the world stays up.
      expect((await fetch(`${server.http}/healthz`)).ok).toBe(true);
      other.exec('COMMIT');
    } finally {
      other.close();
    }
    const after = await enterAsGuest('After');
    expect(after.status).toBe(201);
    expect(after.body.token).toBeTruthy();
  });
});

/**
 * SQLite runs on its own thread (workerSqlite.ts): a write that waits for the disk or for a lock
 * waits there, and the server's thread goes on with everyone's ticks and requests. Before, the
 * write blocked the thread itself (better-sqlite3 is synchronous): the event loop did not turn
 * once until the write had failed.
 */
describe('SQLite off the server thread', () => {
  it('keeps the event loop turning while a write waits for another program\'s lock', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-sqlite-thread-'));
    const handle = openDatabase({ dataDir });
    const other = new SqliteDatabase(path.join(dataDir, SQLITE_FILE));
    try {
      await migrateToLatest(handle);
      other.exec('BEGIN IMMEDIATE');
      let settled = false;
      const write = sql`insert into audit_log (at, actor_id, action) values ('now', 't', 'test')`.execute(handle.db)
        .then(() => 'written', (err: unknown) => (err as { code?: string }).code)
        .finally(() => { settled = true; });
      let turns = 0;
      while (!settled && turns < 1_000_000) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        turns++;
      }
      // It waited busy_timeout (1 s) on the other thread and was refused with SQLite's code,
      // and meanwhile this thread went round its loop many times.
      expect(await write).toBe('SQLITE_BUSY');
      expect(turns).toBeGreaterThan(10);
    } finally {
      other.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
