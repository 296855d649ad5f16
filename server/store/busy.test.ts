import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer } from '../testing/harness.js';
import { SQLITE_FILE } from './db.js';

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
