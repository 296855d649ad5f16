import type { Kysely, Migration } from 'kysely';

/** Looks: how each account or guest session appears in every space (shared/protocol/look.ts). */
export const looks: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    // `owner` is the account id, or the guest session id for guests (the actor, as in audit rows).
    await db.schema.createTable('looks')
      .addColumn('owner', 'text', (c) => c.primaryKey())
      .addColumn('look', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropTable('looks').ifExists().execute();
  },
};
