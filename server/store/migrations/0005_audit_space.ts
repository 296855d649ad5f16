import type { Kysely, Migration } from 'kysely';
import { auditSpaceOf } from '../auditSpace.js';

/**
 * Each audit entry names the space it is about (null for site-wide ones: accounts, uploads), so
 * a moderator reads only the entries of the spaces they moderate (issue 17, finding 12).
 * Entries written before are filled in from their target and detail.
 */
export const auditSpace: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.alterTable('audit_log').addColumn('space_id', 'text').execute();
    await db.schema.createIndex('audit_log_space_id').on('audit_log').columns(['space_id', 'id']).execute();
    const events = new Map<string, string>();
    for (const e of await db.selectFrom('events').select(['id', 'space_id']).execute() as { id: string; space_id: string }[]) events.set(e.id, e.space_id);
    const rows = await db.selectFrom('audit_log').select(['id', 'target_type', 'target_id', 'detail_json']).execute() as
      { id: number | string; target_type: string | null; target_id: string | null; detail_json: string | null }[];
    for (const row of rows) {
      let detail: unknown = null;
      try {
        detail = row.detail_json === null ? null : JSON.parse(row.detail_json);
      } catch { /* an unreadable detail names no space */ }
      const spaceId = auditSpaceOf({ targetType: row.target_type, targetId: row.target_id, detail }, (id) => events.get(id));
      if (spaceId !== null) await db.updateTable('audit_log').set({ space_id: spaceId }).where('id', '=', row.id).execute();
    }
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('audit_log_space_id').execute();
    await db.schema.alterTable('audit_log').dropColumn('space_id').execute();
  },
};
