import type { Kysely, Migration } from 'kysely';

/** The host's closing note, shown on the stage screen once an event has ended ('' for none). */
export const eventThanks: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.alterTable('events').addColumn('thanks', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.alterTable('events').dropColumn('thanks').execute();
  },
};
