// The SQLite file's own thread (plain JavaScript so that it loads the same way under the server,
// the test runner and the tools). better-sqlite3 is synchronous, and with synchronous = FULL every
// commit waits for the disk: on the server's thread each write would hold up the room ticks of
// everyone (a town hall's votes did: a quarter of its main thread). Here the wait is this thread's.
// Protocol (workerSqlite.ts): { id, sql, parameters } in; { id, rows } or { id, changes,
// lastInsertRowid } or { id, error: { message, code } } out; { id, close: true } closes the file.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, busyTimeoutMs } = workerData;
let db;
try {
  db = new Database(file);
  db.pragma('journal_mode = WAL');
  // An older install's WAL and shared-memory files, if they were left world-readable.
  for (const extra of [`${file}-wal`, `${file}-shm`]) {
    try { fs.chmodSync(extra, 0o600); } catch { /* not there yet */ }
  }
  db.pragma('foreign_keys = ON');
  // Another program (the admin CLI, a backup) may hold the write lock for a moment: past this
  // wait the write is refused with SQLITE_BUSY (errors.ts turns it into UNAVAILABLE).
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // FULL: a commit is synced to disk before it is acknowledged, even across a power cut. Set
  // explicitly: better-sqlite3 builds with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 (NORMAL).
  db.pragma('synchronous = FULL');
  parentPort.postMessage({ ready: true });
} catch (err) {
  parentPort.postMessage({ ready: false, error: describe(err) });
}

function describe(err) {
  return { message: err instanceof Error ? err.message : String(err), code: err && typeof err === 'object' && 'code' in err ? String(err.code) : undefined };
}

parentPort.on('message', (m) => {
  if (m.close) {
    try { db?.close(); } catch { /* already closed */ }
    parentPort.postMessage({ id: m.id, closed: true });
    return;
  }
  try {
    const statement = db.prepare(m.sql);
    if (statement.reader) {
      parentPort.postMessage({ id: m.id, rows: statement.all(m.parameters) });
    } else {
      const { changes, lastInsertRowid } = statement.run(m.parameters);
      parentPort.postMessage({ id: m.id, changes, lastInsertRowid });
    }
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: describe(err) });
  }
});
