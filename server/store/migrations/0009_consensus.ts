import type { Kysely, Migration } from 'kysely';

/**
 * Consensus conversations (issue 20): a question per space, its statements (participants' own
 * ones held for a moderator), its participants numbered from 0 (the numbers the open data uses,
 * so no account or session id is ever published) and their votes.
 */
export const consensus: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.createTable('consensus_conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consensus_conversations_space').on('consensus_conversations').columns(['space_id', 'created_at']).execute();

    await db.schema.createTable('consensus_participants')
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('consensus_conversations.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consensus_participants_pk', ['conversation_id', 'number'])
      .execute();
    await db.schema.createIndex('consensus_participants_actor').unique().on('consensus_participants').columns(['conversation_id', 'actor']).execute();

    await db.schema.createTable('consensus_statements')
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('consensus_conversations.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('author_number', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      // Votes cast on it (kept by the store as votes arrive): the order statements are shown in.
      .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consensus_statements_pk', ['conversation_id', 'number'])
      .execute();

    await db.schema.createTable('consensus_votes')
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('consensus_conversations.id').onDelete('cascade'))
      .addColumn('participant_number', 'integer', (c) => c.notNull())
      .addColumn('statement_number', 'integer', (c) => c.notNull())
      .addColumn('vote', 'integer', (c) => c.notNull())
      .addColumn('voted_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consensus_votes_pk', ['conversation_id', 'participant_number', 'statement_number'])
      .execute();
    await db.schema.createIndex('consensus_votes_statement').on('consensus_votes').columns(['conversation_id', 'statement_number']).execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    for (const table of ['consensus_votes', 'consensus_statements', 'consensus_participants', 'consensus_conversations']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
