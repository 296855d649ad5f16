import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import type { AuditRow, Database } from './schema.js';

export interface AuditEntryInput {
  /** An account id, a session id or 'system'. */
  actorId: string | null;
  /** What happened, dotted: 'space.put', 'role.grant', 'question.dismiss'. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** Anything JSON-serialisable that explains the action (old/new values, reason). */
  detail?: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
}

export const AUDIT_PAGE_MAX = 500;

/**
 * Appends one entry. Pass the transaction that makes the change, so the entry commits with it
 * (or not at all). Returns the new entry's id.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntryInput, clock: Clock = systemClock): Promise<number> {
  const row = await trx.insertInto('audit_log')
    .values({
      at: stamp(clock),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * The newest entries first; `before` (an id) pages back through older ones.
 * `limit` is clamped to 1..AUDIT_PAGE_MAX (default 50).
 */
export async function listAudit(db: Kysely<Database>, options: { limit?: number; before?: number } = {}): Promise<AuditEntry[]> {
  const limit = Math.min(AUDIT_PAGE_MAX, Math.max(1, Math.floor(options.limit ?? 50)));
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  const rows = await query.execute();
  return rows.map(toEntry);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: row.detail_json === null ? null : JSON.parse(row.detail_json),
  };
}
