import type { Kysely, Migration } from 'kysely';

/**
 * The latest analysis of each consensus conversation (issue 20), shared by every server process:
 * its run number (1, 2, ...; a process stores run n + 1 only over run n, so two processes
 * analysing at once cannot both win) and the published analysis as JSON, which carries what the
 * next run needs (the group count's hysteresis and the groups' labels and members).
 */
export const consensusAnalyses: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.createTable('consensus_analyses')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('consensus_conversations.id').onDelete('cascade'))
      .addColumn('run', 'integer', (c) => c.notNull())
      .addColumn('analysis', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropTable('consensus_analyses').ifExists().execute();
  },
};
