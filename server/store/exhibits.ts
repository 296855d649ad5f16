import type { Kysely } from 'kysely';
import { Exhibit } from '../../shared/exhibits/exhibit.js';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database } from './schema.js';

/** A draft exhibit as stored: the document, its revision and its place in the space's order. */
export interface StoredExhibit {
  exhibit: Exhibit;
  rev: number;
  position: number;
}

export interface VersionSummary {
  version: number;
  note: string;
  exhibitCount: number;
  publishedBy: string | null;
  publishedByName: string;
  publishedAt: string;
}

export interface PublishedVersion extends VersionSummary {
  exhibits: Exhibit[];
}

export interface ExhibitStore {
  /** The space's draft, in creation order. */
  draft(spaceId: string): Promise<StoredExhibit[]>;
  getDraft(spaceId: string, id: string): Promise<StoredExhibit | undefined>;
  /** Inserts or replaces one draft exhibit (revision + 1); new ones go to the end of the order. */
  putDraft(spaceId: string, exhibit: Exhibit, by: string | null): Promise<StoredExhibit>;
  /** Removes one draft exhibit; false if it was not there. */
  deleteDraft(spaceId: string, id: string): Promise<boolean>;
  /** Replaces the whole draft (restoring a version). */
  replaceDraft(spaceId: string, exhibits: readonly Exhibit[], by: string | null): Promise<void>;
  /** The newest published version, if any. */
  latest(spaceId: string): Promise<PublishedVersion | undefined>;
  version(spaceId: string, version: number): Promise<PublishedVersion | undefined>;
  versions(spaceId: string): Promise<VersionSummary[]>;
  /** Stores the next numbered version of the space (call inside a transaction with the audit entry). */
  publish(spaceId: string, exhibits: readonly Exhibit[], note: string, by: { id: string | null; name: string }): Promise<VersionSummary>;
}

/** Documents are validated on the way out too: a row changed by hand cannot reach a visitor malformed. */
function parseExhibit(json: string): Exhibit {
  return Exhibit.parse(JSON.parse(json));
}

type VersionRow = Database['space_versions'];

function summary(row: VersionRow): VersionSummary {
  return {
    version: row.version, note: row.note, exhibitCount: row.exhibit_count,
    publishedBy: row.published_by, publishedByName: row.published_by_name, publishedAt: row.published_at,
  };
}

function published(row: VersionRow): PublishedVersion {
  const list: unknown = JSON.parse(row.exhibits);
  return { ...summary(row), exhibits: Exhibit.array().parse(list) };
}

export function createExhibitStore(db: Kysely<Database>, clock: Clock = systemClock): ExhibitStore {
  const nextPosition = async (spaceId: string) => {
    const row = await db.selectFrom('draft_exhibits').select((eb) => eb.fn.max('position').as('last')).where('space_id', '=', spaceId).executeTakeFirst();
    return Number(row?.last ?? 0) + 1;
  };

  return {
    async draft(spaceId) {
      const rows = await db.selectFrom('draft_exhibits').selectAll().where('space_id', '=', spaceId).orderBy('position').execute();
      return rows.map((r) => ({ exhibit: parseExhibit(r.document), rev: r.rev, position: r.position }));
    },

    async getDraft(spaceId, id) {
      const r = await db.selectFrom('draft_exhibits').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
      return r ? { exhibit: parseExhibit(r.document), rev: r.rev, position: r.position } : undefined;
    },

    async putDraft(spaceId, exhibit, by) {
      const document = JSON.stringify(Exhibit.parse(exhibit));
      const now = stamp(clock);
      const existing = await db.selectFrom('draft_exhibits').select(['rev', 'position']).where('space_id', '=', spaceId).where('id', '=', exhibit.id).executeTakeFirst();
      if (existing) {
        await db.updateTable('draft_exhibits').set({ document, rev: existing.rev + 1, updated_by: by, updated_at: now })
          .where('space_id', '=', spaceId).where('id', '=', exhibit.id).execute();
        return { exhibit, rev: existing.rev + 1, position: existing.position };
      }
      const position = await nextPosition(spaceId);
      await db.insertInto('draft_exhibits').values({ space_id: spaceId, id: exhibit.id, document, rev: 1, position, updated_by: by, updated_at: now }).execute();
      return { exhibit, rev: 1, position };
    },

    async deleteDraft(spaceId, id) {
      const result = await db.deleteFrom('draft_exhibits').where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async replaceDraft(spaceId, exhibits, by) {
      await db.deleteFrom('draft_exhibits').where('space_id', '=', spaceId).execute();
      const now = stamp(clock);
      // In chunks: SQLite caps the number of bound parameters per statement.
      for (let i = 0; i < exhibits.length; i += 100) {
        await db.insertInto('draft_exhibits').values(exhibits.slice(i, i + 100).map((e, j) => ({
          space_id: spaceId, id: e.id, document: JSON.stringify(Exhibit.parse(e)), rev: 1, position: i + j + 1, updated_by: by, updated_at: now,
        }))).execute();
      }
    },

    async latest(spaceId) {
      const row = await db.selectFrom('space_versions').selectAll().where('space_id', '=', spaceId).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row ? published(row) : undefined;
    },

    async version(spaceId, version) {
      const row = await db.selectFrom('space_versions').selectAll().where('space_id', '=', spaceId).where('version', '=', version).executeTakeFirst();
      return row ? published(row) : undefined;
    },

    async versions(spaceId) {
      const rows = await db.selectFrom('space_versions')
        .select(['space_id', 'version', 'note', 'exhibit_count', 'published_by', 'published_by_name', 'published_at'])
        .where('space_id', '=', spaceId).orderBy('version', 'desc').execute();
      return rows.map((r) => summary({ ...r, exhibits: '' }));
    },

    async publish(spaceId, exhibits, note, by) {
      const last = await db.selectFrom('space_versions').select((eb) => eb.fn.max('version').as('last')).where('space_id', '=', spaceId).executeTakeFirst();
      const row: VersionRow = {
        space_id: spaceId, version: Number(last?.last ?? 0) + 1,
        exhibits: JSON.stringify(exhibits), exhibit_count: exhibits.length, note,
        published_by: by.id, published_by_name: by.name, published_at: stamp(clock),
      };
      await db.insertInto('space_versions').values(row).execute();
      return summary(row);
    },
  };
}

export interface Asset {
  sha256: string;
  type: string;
  kind: string;
  size: number;
  name: string;
  createdBy: string | null;
  createdAt: string;
}

export interface AssetStore {
  get(sha256: string): Promise<Asset | undefined>;
  /** Records a stored file; the same content uploaded again keeps its first record. */
  add(asset: Omit<Asset, 'createdAt'>): Promise<Asset>;
}

export function createAssetStore(db: Kysely<Database>, clock: Clock = systemClock): AssetStore {
  const get = async (sha256: string): Promise<Asset | undefined> => {
    const r = await db.selectFrom('assets').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return r ? { sha256: r.sha256, type: r.type, kind: r.kind, size: r.size, name: r.name, createdBy: r.created_by, createdAt: r.created_at } : undefined;
  };
  return {
    get,
    async add(a) {
      await db.insertInto('assets').values({ sha256: a.sha256, type: a.type, kind: a.kind, size: a.size, name: a.name, created_by: a.createdBy, created_at: stamp(clock) })
        .onConflict((oc) => oc.column('sha256').doNothing()).execute();
      return (await get(a.sha256))!;
    },
  };
}
