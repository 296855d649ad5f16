import type { Kysely, Migration } from 'kysely';

/**
 * Quadratic ballots: a ballot per space with its proposals, each voter's ballot (one per
 * identity) and its allocation, and one-time ballot codes stored as hashes.
 */
export const ballots: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.createTable('ballots')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('budget', 'integer', (c) => c.notNull())
      .addColumn('allow_against', 'integer', (c) => c.notNull())
      .addColumn('results', 'text', (c) => c.notNull())
      .addColumn('privacy', 'text', (c) => c.notNull())
      .addColumn('allow_accounts', 'integer', (c) => c.notNull())
      .addColumn('allow_codes', 'integer', (c) => c.notNull())
      .addColumn('allow_guests', 'integer', (c) => c.notNull())
      .addColumn('opens_at', 'text')
      .addColumn('closes_at', 'text')
      .addColumn('first_cast_at', 'text')
      .addColumn('on_stage', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ballots_space').on('ballots').column('space_id').execute();

    await db.schema.createTable('ballot_proposals')
      .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('exhibit_ids', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ballot_proposals_pk', ['ballot_id', 'id'])
      .execute();

    // voter_key: 'account:<id>' or 'guest:<session id>'. The name is kept only on named ballots.
    await db.schema.createTable('ballot_voters')
      .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
      .addColumn('voter_key', 'text', (c) => c.notNull())
      .addColumn('voter_class', 'text', (c) => c.notNull())
      .addColumn('named', 'integer', (c) => c.notNull())
      .addColumn('staff', 'integer', (c) => c.notNull())
      .addColumn('voter_name', 'text')
      .addColumn('credits', 'integer', (c) => c.notNull())
      .addColumn('changes', 'integer', (c) => c.notNull())
      .addColumn('cast_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ballot_voters_pk', ['ballot_id', 'voter_key'])
      .execute();

    await db.schema.createTable('ballot_allocations')
      .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
      .addColumn('voter_key', 'text', (c) => c.notNull())
      .addColumn('proposal_id', 'text', (c) => c.notNull())
      .addColumn('votes', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('ballot_allocations_pk', ['ballot_id', 'voter_key', 'proposal_id'])
      .execute();

    // Only a SHA-256 of the normalised code is stored; used_by is the voter key it was spent by.
    await db.schema.createTable('ballot_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('used_by', 'text')
      .execute();
    await db.schema.createIndex('ballot_codes_ballot').on('ballot_codes').column('ballot_id').execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    for (const table of ['ballot_codes', 'ballot_allocations', 'ballot_voters', 'ballot_proposals', 'ballots']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
