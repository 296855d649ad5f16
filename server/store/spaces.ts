import type { Kysely } from 'kysely';
import { SpaceLayout, type SpaceLayoutInput } from '../../shared/spaces/layout.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { type Clock, stamp, systemClock } from './clock.js';
import { StoreError } from './errors.js';
import type { Database, SpaceRow } from './schema.js';

export interface SpaceStore {
  /** Inserts `layouts` when the table is empty; returns how many it inserted (0 if it was not empty). */
  seedIfEmpty(layouts: Iterable<SpaceLayoutInput>): Promise<number>;
  /** The validated layout, or undefined when there is no such space. */
  get(id: string): Promise<SpaceLayout | undefined>;
  /** Every space's validated layout, by id. */
  list(): Promise<SpaceLayout[]>;
  /** Validates and stores a layout, creating or replacing the space with its id. */
  put(layout: SpaceLayoutInput): Promise<SpaceLayout>;
}

/**
 * Spaces are layout documents stored as JSON, validated with the shared SpaceLayout schema
 * on the way in and on the way out. `db` may be a transaction, so a caller can put a space
 * and append its audit entry in one commit.
 */
export function createSpaceStore(db: Kysely<Database>, clock: Clock = systemClock): SpaceStore {
  const parse = (input: SpaceLayoutInput): SpaceLayout => {
    const result = SpaceLayout.safeParse(input);
    if (!result.success) {
      const first = result.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      throw new StoreError(ErrorCode.INVALID_INPUT, `That space layout is not valid${where}: ${first?.message ?? 'unknown problem'}.`, { cause: result.error });
    }
    return result.data;
  };

  const fromRow = (row: Pick<SpaceRow, 'id' | 'layout_json'>): SpaceLayout => {
    const result = SpaceLayout.safeParse(JSON.parse(row.layout_json));
    if (!result.success) {
      // Stored data that no longer validates is a bug or a bad manual edit, not user input.
      throw new Error(`The stored layout of space "${row.id}" is not valid: ${result.error.message}`);
    }
    return result.data;
  };

  const upsert = async (tx: Kysely<Database>, layout: SpaceLayout, at: string, replace: boolean) => {
    const row = { id: layout.id, name: layout.name, kind: layout.kind, layout_json: JSON.stringify(layout), created_at: at, updated_at: at };
    await tx.insertInto('spaces').values(row)
      .onConflict((oc) => replace
        ? oc.column('id').doUpdateSet({ name: row.name, kind: row.kind, layout_json: row.layout_json, updated_at: at })
        : oc.column('id').doNothing())
      .execute();
  };

  return {
    async seedIfEmpty(layouts) {
      const parsed = [...layouts].map(parse);
      const work = async (tx: Kysely<Database>) => {
        const existing = await tx.selectFrom('spaces').select('id').limit(1).executeTakeFirst();
        if (existing) return 0;
        const at = stamp(clock);
        // doNothing: a second process seeding at the same moment does not fail.
        for (const layout of parsed) await upsert(tx, layout, at, false);
        return parsed.length;
      };
      return db.isTransaction ? work(db) : db.transaction().execute(work);
    },

    async get(id) {
      const row = await db.selectFrom('spaces').select(['id', 'layout_json']).where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    async list() {
      const rows = await db.selectFrom('spaces').select(['id', 'layout_json']).orderBy('id').execute();
      return rows.map(fromRow);
    },

    async put(input) {
      const layout = parse(input);
      await upsert(db, layout, stamp(clock), true);
      return layout;
    },
  };
}
