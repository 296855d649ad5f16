import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { workerSqliteDialect } from './workerSqlite.js';

/**
 * SQLite on its own thread: if that thread ends (a native fault), no query may hang for ever
 * and nothing committed may be lost; the next query opens the file on a new thread.
 */
let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the SQLite thread', () => {
  it('comes back after it ends: a query then in flight settles, and committed rows are all there', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-sqlite-thread-'));
    const threads: Worker[] = [];
    const db = new Kysely<unknown>({ dialect: workerSqliteDialect({ file: path.join(dir, 'db.sqlite'), busyTimeoutMs: 1000, onThread: (w) => threads.push(w) }) });
    try {
      await sql`create table notes (id integer primary key, text text not null)`.execute(db);
      for (let i = 1; i <= 5; i++) await sql`insert into notes (text) values (${`note ${i}`})`.execute(db);
      expect(threads).toHaveLength(1);

      const inFlight = sql`select count(*) as n from notes`.execute(db).then(() => 'answered', (err: unknown) => (err as { code?: string }).code);
      await threads[0]!.terminate();
      // Answered before the end or refused with the thread's code: either way it settles.
      expect(['answered', 'SQLITE_THREAD_ENDED']).toContain(await inFlight);

      const rows = await sql<{ n: number }>`select count(*) as n from notes`.execute(db);
      expect(rows.rows[0]!.n).toBe(5);
      expect(threads).toHaveLength(2);
      await sql`insert into notes (text) values ('after')`.execute(db);
      expect((await sql<{ n: number }>`select count(*) as n from notes`.execute(db)).rows[0]!.n).toBe(6);
    } finally {
      await db.destroy();
    }
  });
});
