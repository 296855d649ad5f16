import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../db.js';

/**
 * Spaces, accounts, sessions, role grants, invitations and the audit log.
 * Portable types only (text ids, ISO-8601 UTC text timestamps); the audit id is the one
 * column whose type differs per dialect.
 */
export function initial(dialect: Dialect): Migration {
  return {
    // Migrations see the schema as it was when they were written, not the current types.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema.createTable('spaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('layout_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();

      await db.schema.createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
        .addColumn('guest_name', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addCheckConstraint('sessions_account_or_guest', sql`account_id is not null or guest_name is not null`)
        .execute();
      await db.schema.createIndex('sessions_account_id').on('sessions').column('account_id').execute();

      await db.schema.createTable('role_grants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('space_id', 'text', (c) => c.references('spaces.id').onDelete('cascade'))
        .addColumn('granted_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // unique(account_id, role, space_id) where a null space (a global grant) counts as one
      // value: a plain UNIQUE treats NULLs as distinct on both SQLite and PostgreSQL.
      await db.schema.createIndex('role_grants_unique').on('role_grants').unique()
        .columns(['account_id', 'role']).expression(sql`coalesce(space_id, '')`)
        .execute();

      await db.schema.createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('space_id', 'text', (c) => c.references('spaces.id').onDelete('cascade'))
        .addColumn('created_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('used_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
        .execute();

      await db.schema.createTable('audit_log')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('detail_json', 'text')
        .execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id']).execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      for (const table of ['audit_log', 'invitations', 'role_grants', 'sessions', 'accounts', 'spaces']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
