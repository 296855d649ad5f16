import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPrivateFile, privateDir } from '../privateFiles.js';
import type { Database } from './schema.js';
import { workerSqliteDialect } from './workerSqlite.js';

export type Dialect = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  /** postgres:// or postgresql:// selects PostgreSQL; unset or empty selects SQLite. */
  databaseUrl?: string | undefined;
  /** Where the SQLite file lives (created if missing); ignored for PostgreSQL. */
  dataDir: string;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data is, for logs: the SQLite file path or the PostgreSQL URL without its password. */
  location: string;
  /** Closes the pool or the file; safe to call more than once. */
  close(): Promise<void>;
}

export const SQLITE_FILE = 'hustings.sqlite';

export function dialectFor(databaseUrl: string | undefined): Dialect {
  if (!databaseUrl) return 'sqlite';
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return 'postgres';
  throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the SQLite file under DATA_DIR).');
}

/**
 * Opens the database: a SQLite file `<dataDir>/hustings.sqlite` (WAL, foreign keys on) by
 * default, or a PostgreSQL pool when a postgres URL is given. Does not migrate: call
 * `migrateToLatest` next.
 */
export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const dialect = dialectFor(options.databaseUrl);
  return dialect === 'postgres' ? openPostgres(options.databaseUrl!) : openSqlite(options.dataDir);
}

/** How long a write waits for another program's lock before it is refused (the SQLite thread waits, not the server). */
export const SQLITE_BUSY_TIMEOUT_MS = 1000;

function openSqlite(dataDir: string): DatabaseHandle {
  privateDir(dataDir);
  const file = path.join(dataDir, SQLITE_FILE);
  // SQLite creates the -wal and -shm files with the database file's mode: 0600 before it opens.
  createPrivateFile(file);
  // The file is opened, and every query runs, on its own thread (workerSqlite.ts): with
  // synchronous = FULL a commit waits for the disk, and on this thread that wait held up every
  // room's tick. WAL, foreign keys, busy_timeout and FULL are set there (sqliteWorker.mjs).
  const db = new Kysely<Database>({ dialect: workerSqliteDialect({ file, busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS }) });
  return { db, dialect: 'sqlite', location: file, close: once(() => db.destroy()) };
}

function openPostgres(databaseUrl: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client whose connection the server ended (restart, pg_terminate_backend) has already been dropped from the pool; without a listener that 'error' crashes the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redact(databaseUrl), close: once(() => db.destroy()) };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
