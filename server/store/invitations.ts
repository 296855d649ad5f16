import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database, InvitationRow } from './schema.js';

export type InvitationStatus = 'pending' | 'used' | 'expired' | 'revoked';

export interface Invitation {
  id: string;
  role: string;
  spaceId: string | null;
  email: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
  revokedAt: string | null;
  status: InvitationStatus;
}

export interface NewInvitation {
  /** The hash of the secret token (server/auth/invitationTokens.ts); the token itself is never stored. */
  tokenHash: string;
  role: string;
  spaceId: string | null;
  email: string | null;
  note: string | null;
  createdBy: string | null;
  expiresAt: Date;
}

export interface InvitationStore {
  create(invitation: NewInvitation): Promise<Invitation>;
  get(id: string): Promise<Invitation | undefined>;
  /** The invitation with this token hash, with its hash for a timing-safe comparison. */
  findByTokenHash(tokenHash: string): Promise<(Invitation & { tokenHash: string }) | undefined>;
  /** Newest first. */
  list(): Promise<Invitation[]>;
  /** Pending invitations (not used, withdrawn or expired) made for any of these addresses (lower-cased). */
  pendingForEmails(emails: readonly string[]): Promise<Invitation[]>;
  /** Withdraws a pending invitation; returns it (whatever its status), or undefined if unknown. */
  revoke(id: string): Promise<Invitation | undefined>;
  /**
   * Marks the invitation used by `accountId` if it is still pending. Returns false when someone
   * else used it first, it was withdrawn, or it expired: the single-use check is this update.
   */
  markUsed(id: string, accountId: string): Promise<boolean>;
}

export function createInvitationStore(db: Kysely<Database>, clock: Clock = systemClock): InvitationStore {
  const toInvitation = (row: InvitationRow): Invitation => ({
    id: row.id,
    role: row.role,
    spaceId: row.space_id,
    email: row.email,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    usedBy: row.used_by,
    revokedAt: row.revoked_at,
    status: row.revoked_at ? 'revoked' : row.used_at ? 'used' : row.expires_at <= stamp(clock) ? 'expired' : 'pending',
  });

  return {
    async create(invitation) {
      const row: InvitationRow = {
        id: randomUUID(),
        token_hash: invitation.tokenHash,
        role: invitation.role,
        space_id: invitation.spaceId,
        email: invitation.email,
        note: invitation.note,
        created_by: invitation.createdBy,
        created_at: stamp(clock),
        expires_at: invitation.expiresAt.toISOString(),
        used_at: null,
        used_by: null,
        revoked_at: null,
      };
      await db.insertInto('invitations').values(row).execute();
      return toInvitation(row);
    },

    async get(id) {
      const row = await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toInvitation(row) : undefined;
    },

    async findByTokenHash(tokenHash) {
      const row = await db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? { ...toInvitation(row), tokenHash: row.token_hash } : undefined;
    },

    async list() {
      const rows = await db.selectFrom('invitations').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toInvitation);
    },

    async pendingForEmails(emails) {
      const found: Invitation[] = [];
      const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
      const now = stamp(clock);
      for (let i = 0; i < wanted.length; i += 200) {
        const rows = await db.selectFrom('invitations').selectAll().where('email', 'in', wanted.slice(i, i + 200))
          .where('used_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now)
          .orderBy('created_at').orderBy('id').execute();
        found.push(...rows.map(toInvitation));
      }
      return found;
    },

    async revoke(id) {
      await db.updateTable('invitations').set({ revoked_at: stamp(clock) })
        .where('id', '=', id).where('revoked_at', 'is', null).where('used_at', 'is', null)
        .execute();
      return this.get(id);
    },

    async markUsed(id, accountId) {
      const now = stamp(clock);
      const result = await db.updateTable('invitations').set({ used_at: now, used_by: accountId })
        .where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
