import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { createPrivateFile, privateDir, privateFiles } from '../privateFiles.js';
import type { Database } from './schema.js';

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

/** How long a write waits for another program's lock before it is refused (the process waits with it). */
export const SQLITE_BUSY_TIMEOUT_MS = 1000;

function openSqlite(dataDir: string): DatabaseHandle {
  privateDir(dataDir);
  const file = path.join(dataDir, SQLITE_FILE);
  // SQLite creates the -wal and -shm files with the database file's mode: 0600 before it opens.
  createPrivateFile(file);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // An older install's WAL and shared-memory files, if they were left world-readable.
  privateFiles(`${file}-wal`, `${file}-shm`);
  sqlite.pragma('foreign_keys = ON');
  // Another process (the admin CLI, a backup) may hold the write lock for a moment. better-sqlite3
  // waits synchronously, stalling the whole process, so the wait is short: past it the request
  // is refused with UNAVAILABLE ("the database is busy"; errors.ts unavailableStore) and nothing
  // is written.
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // FULL: a commit is synced to disk before we acknowledge it, even across a power cut.
  // Set explicitly: better-sqlite3 builds with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 (NORMAL), so a
  // reopened WAL file would otherwise get NORMAL.
  sqlite.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
