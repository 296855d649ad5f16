import { sql, type Kysely, type Migration } from 'kysely';

/**
 * One open floor turn per event, held by the store (issue 19): an event spread over several
 * sections (rooms on any process) could otherwise write two turns when two moderators call at
 * once. A partial unique index on the event of turns not yet ended (SQLite and PostgreSQL both
 * have them); the turn also records its section, so the refusal can say where the floor is.
 * Turns left open before this (a crash, or a race the index now refuses) are closed at their
 * start, as a restart does: no speaking time is invented.
 */
export const oneFloorTurn: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.updateTable('floor_turns').set((eb) => ({ ended_at: eb.ref('started_at'), seconds: 0 })).where('ended_at', 'is', null).execute();
    await db.schema.alterTable('floor_turns').addColumn('section', 'integer').execute();
    await db.schema.createIndex('floor_turns_one_open').on('floor_turns').column('event_id').unique().where(sql.ref('ended_at'), 'is', null).execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('floor_turns_one_open').execute();
    await db.schema.alterTable('floor_turns').dropColumn('section').execute();
  },
};
