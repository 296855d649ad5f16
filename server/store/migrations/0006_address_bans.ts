import type { Kysely, Migration } from 'kysely';

/**
 * Bans target people; an address is barred only by a moderator's explicit, time-limited
 * address ban (kind 'address_ban' with expires_at). Bans written before this kept the guest's
 * address forever: that part ends here (the person's ban stays).
 */
export const addressBans: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.alterTable('sanctions').addColumn('expires_at', 'text').execute();
    await db.schema.alterTable('sanctions').addColumn('subject_name', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.updateTable('sanctions').set({ ip_hash: null }).where('kind', '=', 'ban').execute();
    await db.schema.createIndex('sanctions_space_ip').on('sanctions').columns(['space_id', 'ip_hash']).execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('sanctions_space_ip').execute();
    await db.deleteFrom('sanctions').where('kind', '=', 'address_ban').execute();
    for (const column of ['subject_name', 'expires_at']) await db.schema.alterTable('sanctions').dropColumn(column).execute();
  },
};
