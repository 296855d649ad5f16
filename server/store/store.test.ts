import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPACES } from '../../shared/spaces/catalog.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { createAccountStore } from './accounts.js';
import { appendAudit, listAudit } from './audit.js';
import { type DatabaseHandle, openDatabase } from './db.js';
import { StoreError } from './errors.js';
import { migrateToLatest } from './migrate.js';
import { createRoleStore } from './roles.js';
import { createScratchPostgres } from './scratch.js';
import { createSpaceStore } from './spaces.js';

/**
 * One suite, every backend: SQLite always; PostgreSQL when TEST_DATABASE_URL points at a
 * server (scripts/postgres.sh start prints one). Each PostgreSQL run gets its own scratch
 * database, dropped afterwards.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const backends = [
  { name: 'sqlite', adminUrl: undefined, skip: false },
  pgUrl
    ? { name: 'postgres', adminUrl: pgUrl, skip: false }
    : { name: 'postgres (skipped: TEST_DATABASE_URL is not set; see scripts/postgres.sh)', adminUrl: undefined, skip: true },
];

async function expectStoreError(work: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

describe.each(backends)('store on $name', ({ name, adminUrl, skip }) => {
  let handle: DatabaseHandle;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropScratch: (() => Promise<void>) | undefined;
  const plaza = SPACES.get('plaza')!;

  beforeAll(async () => {
    if (skip) return;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-store-'));
    if (adminUrl) {
      const scratch = await createScratchPostgres(adminUrl, 'hustings_test');
      databaseUrl = scratch.url;
      dropScratch = scratch.drop;
    }
    handle = openDatabase({ databaseUrl, dataDir });
  });

  afterAll(async () => {
    if (skip) return;
    await handle?.close();
    await dropScratch?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe.skipIf(skip)(`repositories on ${name}`, () => {
    it('opens the dialect the URL asks for', () => {
      expect(handle.dialect).toBe(adminUrl ? 'postgres' : 'sqlite');
      if (handle.dialect === 'sqlite') expect(handle.location).toBe(path.join(dataDir, 'hustings.sqlite'));
    });

    it('runs migrations once, and a second run (also from a second connection) does nothing', async () => {
      expect(await migrateToLatest(handle)).toEqual(['0001_initial', '0002_invitation_details']);
      expect(await migrateToLatest(handle)).toEqual([]);
      // WAL mode keeps a -wal file beside the database while it is open.
      if (handle.dialect === 'sqlite') expect(fs.existsSync(`${handle.location}-wal`)).toBe(true);
      const second = openDatabase({ databaseUrl, dataDir });
      try {
        expect(await migrateToLatest(second)).toEqual([]);
      } finally {
        await second.close();
      }
    });

    it('seeds spaces once and reads back the same validated layouts', async () => {
      const spaces = createSpaceStore(handle.db);
      expect(await spaces.seedIfEmpty(SPACES.values())).toBe(SPACES.size);
      expect(await spaces.seedIfEmpty(SPACES.values())).toBe(0);
      expect(await spaces.get('plaza')).toEqual(plaza);
      expect(await spaces.get('nowhere')).toBeUndefined();
      const listed = await spaces.list();
      expect(listed.map((s) => s.id)).toEqual([...SPACES.keys()].sort());
      for (const layout of listed) expect(layout).toEqual(SPACES.get(layout.id));
    });

    it('put replaces a space and refuses an invalid layout with INVALID_INPUT', async () => {
      const spaces = createSpaceStore(handle.db);
      const renamed: SpaceLayout = { ...plaza, name: 'Market Square', floorColor: '#aabbcc' };
      await spaces.put(renamed);
      expect(await spaces.get('plaza')).toEqual(renamed);
      await spaces.put({ ...plaza, id: 'annex', name: 'Annex' });
      expect((await spaces.list()).map((s) => s.id)).toContain('annex');
      await expectStoreError(spaces.put({ ...plaza, spawns: [] }), 'INVALID_INPUT');
      expect(await spaces.get('plaza')).toEqual(renamed);
      await spaces.put(plaza);
    });

    it('appends audit entries and lists them newest first, paging with before', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(await appendAudit(handle.db, { actorId: 'system', action: 'test.step', targetType: 'space', targetId: 'plaza', detail: { i } }));
      }
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      const page = await listAudit(handle.db, { limit: 3 });
      expect(page.map((e) => e.id)).toEqual([ids[4], ids[3], ids[2]]);
      expect(page[0]).toMatchObject({ actorId: 'system', action: 'test.step', targetType: 'space', targetId: 'plaza', detail: { i: 4 } });
      expect(page[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const older = await listAudit(handle.db, { limit: 3, before: page[2]!.id });
      expect(older.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    });

    it('commits a change and its audit entry together, or neither', async () => {
      const before = (await listAudit(handle.db, { limit: 1 }))[0]!.id;
      await expect(handle.db.transaction().execute(async (trx) => {
        await createSpaceStore(trx).put({ ...plaza, id: 'doomed', name: 'Doomed' });
        await appendAudit(trx, { actorId: 'system', action: 'space.put', targetType: 'space', targetId: 'doomed' });
        throw new Error('abort');
      })).rejects.toThrow('abort');
      expect(await createSpaceStore(handle.db).get('doomed')).toBeUndefined();
      expect((await listAudit(handle.db, { limit: 1 }))[0]!.id).toBe(before);

      await handle.db.transaction().execute(async (trx) => {
        await createSpaceStore(trx).put({ ...plaza, id: 'kept', name: 'Kept' });
        await appendAudit(trx, { actorId: 'system', action: 'space.put', targetType: 'space', targetId: 'kept' });
      });
      expect(await createSpaceStore(handle.db).get('kept')).toMatchObject({ name: 'Kept' });
      expect((await listAudit(handle.db, { limit: 1 }))[0]).toMatchObject({ action: 'space.put', targetId: 'kept' });
    });

    it('refuses a duplicate email and a duplicate role grant with CONFLICT', async () => {
      const accounts = createAccountStore(handle.db);
      const roles = createRoleStore(handle.db);
      const ada = await accounts.create({ email: 'Ada@Example.org', passwordHash: 'x', displayName: 'Ada' });
      await expectStoreError(accounts.create({ email: 'ada@example.org ', passwordHash: 'y', displayName: 'Other' }), 'CONFLICT');
      expect((await accounts.findByEmail('ADA@example.org'))?.id).toBe(ada.id);

      await roles.grant({ accountId: ada.id, role: 'moderator', spaceId: 'plaza' });
      await roles.grant({ accountId: ada.id, role: 'moderator' });
      await roles.grant({ accountId: ada.id, role: 'curator', spaceId: 'plaza' });
      await expectStoreError(roles.grant({ accountId: ada.id, role: 'moderator', spaceId: 'plaza' }), 'CONFLICT');
      // A global grant (no space) is unique too, although SQL treats NULLs as distinct.
      await expectStoreError(roles.grant({ accountId: ada.id, role: 'moderator', spaceId: null }), 'CONFLICT');
      expect((await roles.listForAccount(ada.id)).map((g) => `${g.role}@${g.spaceId ?? '*'}`))
        .toEqual(['curator@plaza', 'moderator@*', 'moderator@plaza']);
      expect(await roles.revoke(ada.id, 'moderator', null)).toBe(true);
      expect(await roles.revoke(ada.id, 'moderator', null)).toBe(false);
    });

    it('enforces foreign keys (off by default in SQLite): a grant for a missing account or space fails', async () => {
      const roles = createRoleStore(handle.db);
      await expect(roles.grant({ accountId: 'no-such-account', role: 'host' })).rejects.toThrow();
      const bo = await createAccountStore(handle.db).create({ email: 'bo@example.org', passwordHash: 'x', displayName: 'Bo' });
      await expect(roles.grant({ accountId: bo.id, role: 'host', spaceId: 'no-such-space' })).rejects.toThrow();
    });
  });
});
