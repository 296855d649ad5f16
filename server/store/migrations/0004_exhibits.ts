import type { Kysely, Migration } from 'kysely';

/** Exhibitions: each space's draft exhibits, its published versions, and uploaded files. */
export const exhibits: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    // The draft: one row per exhibit, the exhibit document as JSON (validated on the way in and out).
    await db.schema.createTable('draft_exhibits')
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('rev', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('draft_exhibits_pk', ['space_id', 'id'])
      .execute();

    // Every publish: the whole set of exhibits as one document, numbered per space.
    await db.schema.createTable('space_versions')
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('exhibits', 'text', (c) => c.notNull())
      .addColumn('exhibit_count', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text')
      .addColumn('published_by_name', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('space_versions_pk', ['space_id', 'version'])
      .execute();

    // Uploaded files, content-addressed: the bytes live under ASSETS_DIR/<sha256>.
    await db.schema.createTable('assets')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    for (const table of ['assets', 'space_versions', 'draft_exhibits']) await db.schema.dropTable(table).ifExists().execute();
  },
};
