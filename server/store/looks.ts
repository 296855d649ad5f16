import type { Kysely } from 'kysely';
import { AvatarLook } from '../../shared/protocol/look.js';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database } from './schema.js';

export interface LookStore {
  /** The look kept for an account or guest session, or undefined (none chosen, or unreadable). */
  get(owner: string): Promise<AvatarLook | undefined>;
  /** Keeps a look (already validated) for an account or guest session, replacing any before. */
  set(owner: string, look: AvatarLook): Promise<void>;
}

/** Looks, one row per account or guest session, the look as JSON checked on the way out too. */
export function createLookStore(db: Kysely<Database>, clock: Clock = systemClock): LookStore {
  return {
    async get(owner) {
      const row = await db.selectFrom('looks').select('look').where('owner', '=', owner).executeTakeFirst();
      if (!row) return undefined;
      try {
        const parsed = AvatarLook.safeParse(JSON.parse(row.look));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async set(owner, look) {
      const row = { owner, look: JSON.stringify(AvatarLook.parse(look)), updated_at: stamp(clock) };
      await db.insertInto('looks').values(row)
        .onConflict((oc) => oc.column('owner').doUpdateSet({ look: row.look, updated_at: row.updated_at }))
        .execute();
    },
  };
}
