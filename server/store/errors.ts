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
