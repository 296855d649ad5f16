import { ErrorCode } from '../../shared/protocol/errors.js';

/**
 * A refusal from the store that callers pass on as is: a stable code and a sentence a
 * person can act on (DESIGN.md, "Errors").
 */
export class StoreError extends Error {
  constructor(readonly code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** A UNIQUE or PRIMARY KEY violation, from better-sqlite3 or from pg. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Runs `work`, turning a unique violation into a CONFLICT with the given sentence. */
export async function conflictAs<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new StoreError(ErrorCode.CONFLICT, message, { cause: error });
    throw error;
  }
}

/**
 * The database cannot take the request right now: SQLite's write lock held by another program
 * past busy_timeout, or PostgreSQL down or restarting. Nothing was written; it recovers by itself.
 */
export function unavailableStore(error: unknown): StoreError | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = String(error.code);
  const busy = code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
  // ECONNREFUSED / ECONNRESET: no server; 57P01-57P03: shutting down or starting; 08xxx: connection lost.
  // SQLITE_THREAD_ENDED: the SQLite thread ended under the query (workerSqlite.ts starts a new one).
  const down = code === 'SQLITE_THREAD_ENDED' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || /^57P0[123]$/.test(code) || /^08\d\d\d$/.test(code);
  if (!busy && !down) return undefined;
  return new StoreError('UNAVAILABLE', busy
    ? 'The database is busy with another program; nothing was changed. Please try again in a moment.'
    : 'The database is not answering; nothing was changed. Please try again in a moment.', { cause: error });
}
