import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import { conflictAs } from './errors.js';
import type { Database, RoleGrantRow } from './schema.js';

export interface RoleGrant {
  id: string;
  accountId: string;
  role: string;
  /** Null: the role applies in every space. */
  spaceId: string | null;
  grantedBy: string | null;
  createdAt: string;
}

export interface NewRoleGrant {
  accountId: string;
  role: string;
  spaceId?: string | null;
  grantedBy?: string | null;
}

export interface RoleStore {
  /** Grants a role; a CONFLICT StoreError when the account already has it in that scope. */
  grant(grant: NewRoleGrant): Promise<RoleGrant>;
  /** Removes a grant; returns whether there was one. */
  revoke(accountId: string, role: string, spaceId: string | null): Promise<boolean>;
  /** Removes a grant by id; returns the grant it removed. */
  revokeById(id: string): Promise<RoleGrant | undefined>;
  get(id: string): Promise<RoleGrant | undefined>;
  listForAccount(accountId: string): Promise<RoleGrant[]>;
  /** Every grant, grouped by account (for the admin page). */
  listAll(): Promise<RoleGrant[]>;
}

/** Role grants. Which roles may do what lives in the permissions table, not here. */
export function createRoleStore(db: Kysely<Database>, clock: Clock = systemClock): RoleStore {
  return {
    async grant(grant) {
      const row: RoleGrantRow = {
        id: randomUUID(),
        account_id: grant.accountId,
        role: grant.role,
        space_id: grant.spaceId ?? null,
        granted_by: grant.grantedBy ?? null,
        created_at: stamp(clock),
      };
      const scope = row.space_id ? `in space "${row.space_id}"` : 'everywhere';
      await conflictAs(`That account already has the ${row.role} role ${scope}.`, () => db.insertInto('role_grants').values(row).execute());
      return toGrant(row);
    },

    async revoke(accountId, role, spaceId) {
      let query = db.deleteFrom('role_grants').where('account_id', '=', accountId).where('role', '=', role);
      query = spaceId === null ? query.where('space_id', 'is', null) : query.where('space_id', '=', spaceId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async get(id) {
      const row = await db.selectFrom('role_grants').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toGrant(row) : undefined;
    },

    async revokeById(id) {
      const row = await db.deleteFrom('role_grants').where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toGrant(row) : undefined;
    },

    async listAll() {
      const rows = await db.selectFrom('role_grants').selectAll()
        .orderBy('account_id').orderBy('role').orderBy(sql`coalesce(space_id, '')`).execute();
      return rows.map(toGrant);
    },

    async listForAccount(accountId) {
      const rows = await db.selectFrom('role_grants').selectAll().where('account_id', '=', accountId)
        .orderBy('role').orderBy(sql`coalesce(space_id, '')`).execute();
      return rows.map(toGrant);
    },
  };
}

function toGrant(row: RoleGrantRow): RoleGrant {
  return { id: row.id, accountId: row.account_id, role: row.role, spaceId: row.space_id, grantedBy: row.granted_by, createdAt: row.created_at };
}
