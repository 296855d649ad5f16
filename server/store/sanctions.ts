import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database, SanctionRow } from './schema.js';

export type SanctionKind = 'mute' | 'ban';

export interface Sanction {
  id: string;
  spaceId: string;
  kind: SanctionKind;
  subjectKey: string;
  ipHash: string | null;
  reason: string;
  createdBy: string | null;
  createdAt: string;
  liftedAt: string | null;
}

export interface SanctionStore {
  add(sanction: { spaceId: string; kind: SanctionKind; subjectKey: string; ipHash: string | null; reason: string; createdBy: string | null }): Promise<Sanction>;
  /** Lifts the active sanctions of this kind on this subject in this space; returns how many. */
  lift(spaceId: string, kind: SanctionKind, subjectKey: string): Promise<number>;
  /** Active sanctions of a kind in a space. */
  active(spaceId: string, kind: SanctionKind): Promise<Sanction[]>;
  /** Whether any of these subject keys, or this address hash, is banned from the space. */
  isBanned(spaceId: string, subjectKeys: readonly string[], ipHash: string | null): Promise<boolean>;
}

function toSanction(row: SanctionRow): Sanction {
  return {
    id: row.id, spaceId: row.space_id, kind: row.kind as SanctionKind, subjectKey: row.subject_key, ipHash: row.ip_hash,
    reason: row.reason, createdBy: row.created_by, createdAt: row.created_at, liftedAt: row.lifted_at,
  };
}

/** Moderators' mutes and bans, per space. */
export function createSanctionStore(db: Kysely<Database>, clock: Clock = systemClock): SanctionStore {
  return {
    async add(s) {
      const row: SanctionRow = {
        id: randomUUID(), space_id: s.spaceId, kind: s.kind, subject_key: s.subjectKey, ip_hash: s.ipHash,
        reason: s.reason, created_by: s.createdBy, created_at: stamp(clock), lifted_at: null,
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

    async active(spaceId, kind) {
      const rows = await db.selectFrom('sanctions').selectAll()
        .where('space_id', '=', spaceId).where('kind', '=', kind).where('lifted_at', 'is', null).execute();
      return rows.map(toSanction);
    },

    async isBanned(spaceId, subjectKeys, ipHash) {
      if (subjectKeys.length === 0 && !ipHash) return false;
      const row = await db.selectFrom('sanctions').select('id')
        .where('space_id', '=', spaceId).where('kind', '=', 'ban').where('lifted_at', 'is', null)
        .where((eb) => eb.or([
          ...(subjectKeys.length > 0 ? [eb('subject_key', 'in', [...subjectKeys])] : []),
          ...(ipHash ? [eb('ip_hash', '=', ipHash)] : []),
        ]))
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
