import type { Kysely, Migration } from 'kysely';

/** Events in town halls, their questions and votes, floor-mic turns, and moderators' sanctions. */
export const townHall: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('auto_approve', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_space_state').on('events').columns(['space_id', 'state']).execute();

    await db.schema.createTable('questions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('author_key', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('anonymous', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('original_text', 'text')
      .addColumn('normalized', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('flagged', 'integer', (c) => c.notNull())
      .addColumn('votes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text')
      .addColumn('answering_at', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('dismissed_at', 'text')
      .execute();
    await db.schema.createIndex('questions_event_state').on('questions').columns(['event_id', 'state']).execute();
    await db.schema.createIndex('questions_event_normalized').on('questions').columns(['event_id', 'normalized']).execute();
    await db.schema.createIndex('questions_event_author').on('questions').columns(['event_id', 'author_key']).execute();

    await db.schema.createTable('question_votes')
      .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
      .addColumn('voter_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('question_votes_pk', ['question_id', 'voter_key'])
      .execute();
    await db.schema.createIndex('question_votes_voter').on('question_votes').column('voter_key').execute();

    await db.schema.createTable('floor_turns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('holder_key', 'text', (c) => c.notNull())
      .addColumn('holder_name', 'text', (c) => c.notNull())
      .addColumn('called_by', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('seconds', 'real')
      .execute();
    await db.schema.createIndex('floor_turns_event').on('floor_turns').column('event_id').execute();

    await db.schema.createTable('sanctions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject_key', 'text', (c) => c.notNull())
      .addColumn('ip_hash', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('lifted_at', 'text')
      .execute();
    await db.schema.createIndex('sanctions_space_kind').on('sanctions').columns(['space_id', 'kind']).execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    for (const table of ['sanctions', 'floor_turns', 'question_votes', 'questions', 'events']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
