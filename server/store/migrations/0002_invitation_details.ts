import type { Kysely, Migration } from 'kysely';

/** Invitations say whom they are for and why, and can be withdrawn before use. */
export const invitationDetails: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.alterTable('invitations').addColumn('email', 'text').execute();
    await db.schema.alterTable('invitations').addColumn('note', 'text').execute();
    await db.schema.alterTable('invitations').addColumn('revoked_at', 'text').execute();
    await db.schema.createIndex('role_grants_space_id').on('role_grants').column('space_id').execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('role_grants_space_id').execute();
    for (const column of ['revoked_at', 'note', 'email']) {
      await db.schema.alterTable('invitations').dropColumn(column).execute();
    }
  },
};
