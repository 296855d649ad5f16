import { Migrator, type MigrationResult } from 'kysely';
import type { DatabaseHandle } from './db.js';
import { allMigrations } from './migrations/index.js';

/**
 * Brings the schema up to date; run at start-up. Migrations come from code (no directory
 * scan), so the bundle and the tests see the same list. Kysely takes a lock, so several
 * processes starting together against one PostgreSQL migrate once.
 * Returns the names of the migrations this call applied (empty when already current).
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => allMigrations(handle.dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    const cause = error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'unknown error');
    throw new Error(`Database migration ${failed ? `"${failed.migrationName}" ` : ''}failed on ${handle.location}: ${cause.message}`, { cause });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
