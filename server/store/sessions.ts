import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database } from './schema.js';

export interface Session {
  id: string;
  accountId: string | null;
  guestName: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface SessionStore {
  createGuest(id: string, guestName: string, expiresAt: Date): Promise<Session>;
  createForAccount(id: string, accountId: string, expiresAt: Date): Promise<Session>;
  get(id: string): Promise<Session | undefined>;
  revoke(id: string): Promise<void>;
  /** Signs an account out everywhere (password change, disabling), except `keep` if given. */
  revokeAllForAccount(accountId: string, keep?: string): Promise<number>;
}

/** Sessions: each signed token names one row, so a session can be revoked before it expires. */
export function createSessionStore(db: Kysely<Database>, clock: Clock = systemClock): SessionStore {
  return {
    async createGuest(id, guestName, expiresAt) {
      const row = { id, account_id: null, guest_name: guestName, created_at: stamp(clock), expires_at: expiresAt.toISOString(), revoked_at: null };
      await db.insertInto('sessions').values(row).execute();
      return { id, accountId: null, guestName, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: null };
    },
    async createForAccount(id, accountId, expiresAt) {
      const row = { id, account_id: accountId, guest_name: null, created_at: stamp(clock), expires_at: expiresAt.toISOString(), revoked_at: null };
      await db.insertInto('sessions').values(row).execute();
      return { id, accountId, guestName: null, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: null };
    },
    async get(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && {
        id: row.id, accountId: row.account_id, guestName: row.guest_name,
        createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at,
      };
    },
    async revoke(id) {
      await db.updateTable('sessions').set({ revoked_at: stamp(clock) }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },
    async revokeAllForAccount(accountId, keep) {
      const result = await db.updateTable('sessions').set({ revoked_at: stamp(clock) })
        .where('account_id', '=', accountId).where('revoked_at', 'is', null)
        .$if(keep !== undefined, (q) => q.where('id', '!=', keep!))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
