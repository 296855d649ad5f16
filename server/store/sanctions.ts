import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database, SanctionRow } from './schema.js';

/** A mute or a ban of a person, or a moderator's time-limited ban of an address. */
export type SanctionKind = 'mute' | 'ban' | 'address_ban';

export interface Sanction {
  id: string;
  spaceId: string;
  kind: SanctionKind;
  subjectKey: string;
  subjectName: string;
  ipHash: string | null;
  reason: string;
  createdBy: string | null;
  createdAt: string;
  liftedAt: string | null;
  expiresAt: string | null;
}

export interface NewSanction {
  spaceId: string;
  kind: SanctionKind;
  subjectKey: string;
  /** The person's name at the time (for the moderators' list). */
  subjectName?: string;
  /** Address bans only: the keyed hash of the address. */
  ipHash: string | null;
  reason: string;
  createdBy: string | null;
  /** Address bans only: when it ends. */
  expiresAt?: string | null;
}

export interface SanctionStore {
  add(sanction: NewSanction): Promise<Sanction>;
  /** Lifts the active sanctions of this kind on this subject in this space; returns how many. */
  lift(spaceId: string, kind: SanctionKind, subjectKey: string): Promise<number>;
  /** Lifts one ban (of a person or an address) in this space; undefined if there is no such ban in force. */
  liftById(spaceId: string, id: string): Promise<Sanction | undefined>;
  /** Active sanctions of a kind in a space (address bans: those not yet expired). */
  active(spaceId: string, kind: SanctionKind): Promise<Sanction[]>;
  /**
   * Whether any of these subject keys is banned from the space, or (when given) this address
   * hash is under an address ban that has not expired.
   */
  isBanned(spaceId: string, subjectKeys: readonly string[], ipHash: string | null): Promise<boolean>;
}

function toSanction(row: SanctionRow): Sanction {
  return {
    id: row.id, spaceId: row.space_id, kind: row.kind as SanctionKind, subjectKey: row.subject_key, subjectName: row.subject_name,
    ipHash: row.ip_hash, reason: row.reason, createdBy: row.created_by, createdAt: row.created_at, liftedAt: row.lifted_at, expiresAt: row.expires_at,
  };
}

/** Moderators' mutes and bans, per space. */
export function createSanctionStore(db: Kysely<Database>, clock: Clock = systemClock): SanctionStore {
  const inForce = (spaceId: string) => db.selectFrom('sanctions').selectAll()
    .where('space_id', '=', spaceId).where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', stamp(clock))]));
  return {
    async add(s) {
      const row: SanctionRow = {
        id: randomUUID(), space_id: s.spaceId, kind: s.kind, subject_key: s.subjectKey, ip_hash: s.ipHash,
        reason: s.reason, created_by: s.createdBy, created_at: stamp(clock), lifted_at: null,
        expires_at: s.expiresAt ?? null, subject_name: s.subjectName ?? '',
      };
      await db.insertInto('sanctions').values(row).execute();
      return toSanction(row);
    },

    async lift(spaceId, kind, subjectKey) {
      const result = await db.updateTable('sanctions').set({ lifted_at: stamp(clock) })
        .where('space_id', '=', spaceId).where('kind', '=', kind).where('subject_key', '=', subjectKey).where('lifted_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async liftById(spaceId, id) {
      const row = await inForce(spaceId).where('id', '=', id).where('kind', 'in', ['ban', 'address_ban']).executeTakeFirst();
      if (!row) return undefined;
      const liftedAt = stamp(clock);
      await db.updateTable('sanctions').set({ lifted_at: liftedAt }).where('id', '=', id).where('lifted_at', 'is', null).execute();
      return { ...toSanction(row), liftedAt };
    },

    async active(spaceId, kind) {
      const rows = await inForce(spaceId).where('kind', '=', kind).orderBy('created_at').execute();
      return rows.map(toSanction);
    },

    async isBanned(spaceId, subjectKeys, ipHash) {
      if (subjectKeys.length === 0 && !ipHash) return false;
      const row = await inForce(spaceId).select('id')
        .where((eb) => eb.or([
          ...(subjectKeys.length > 0 ? [eb.and([eb('kind', '=', 'ban'), eb('subject_key', 'in', [...subjectKeys])])] : []),
          ...(ipHash ? [eb.and([eb('kind', '=', 'address_ban'), eb('ip_hash', '=', ipHash)])] : []),
        ]))
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
