import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import { auditSpaceOf } from './auditSpace.js';
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
  /** The space it is about; unset: found from the detail's spaceId, a space target or an event (auditSpaceOf). */
  spaceId?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  spaceId: string | null;
}

export const AUDIT_PAGE_MAX = 500;

/**
 * Appends one entry. Pass the transaction that makes the change, so the entry commits with it
 * (or not at all). Returns the new entry's id.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntryInput, clock: Clock = systemClock): Promise<number> {
  const eventIds = new Set<string>();
  auditSpaceOf(entry, (id) => void eventIds.add(id));
  const [eventId] = eventIds;
  const eventSpace = eventId === undefined ? undefined
    : (await trx.selectFrom('events').select('space_id').where('id', '=', eventId).executeTakeFirst())?.space_id;
  const spaceId = auditSpaceOf(entry, () => eventSpace);
  const row = await trx.insertInto('audit_log')
    .values({
      at: stamp(clock),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      space_id: spaceId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * The newest entries first; `before` (an id) pages back through older ones.
 * `limit` is clamped to 1..AUDIT_PAGE_MAX (default 50). `spaces`: only entries about these
 * spaces (none for an empty list); unset: every entry.
 */
export async function listAudit(db: Kysely<Database>, options: { limit?: number; before?: number; spaces?: readonly string[] } = {}): Promise<AuditEntry[]> {
  const limit = Math.min(AUDIT_PAGE_MAX, Math.max(1, Math.floor(options.limit ?? 50)));
  if (options.spaces !== undefined && options.spaces.length === 0) return [];
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  if (options.spaces !== undefined) query = query.where('space_id', 'in', [...options.spaces]);
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
    spaceId: row.space_id,
  };
}
