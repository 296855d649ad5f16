import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { SPACES } from '../../shared/spaces/catalog.js';
import { auditSpaceOf } from './auditSpace.js';
import { type DatabaseHandle, openDatabase } from './db.js';
import { migrateToLatest } from './migrate.js';
import { allMigrations } from './migrations/index.js';
import { createRepos } from './repos.js';
import { createScratchPostgres } from './scratch.js';

describe('auditSpaceOf', () => {
  const events = (id: string) => (id === 'e1' ? 'townhall' : undefined);
  it.each([
    [{ spaceId: 'hall-2', detail: { spaceId: 'hall-1' } }, 'hall-2'],
    [{ detail: { spaceId: 'hall-1', eventId: 'e1' } }, 'hall-1'],
    [{ targetType: 'space', targetId: 'hall-1' }, 'hall-1'],
    [{ targetType: 'event', targetId: 'e1' }, 'townhall'],
    [{ targetType: 'question', targetId: 'q', detail: { eventId: 'e1' } }, 'townhall'],
    [{ targetType: 'event', targetId: 'gone' }, null],
    [{ targetType: 'asset', targetId: 'abc', detail: { kind: 'image' } }, null],
    [{ targetType: 'account', targetId: 'a', detail: { role: 'admin', spaceId: null } }, null],
    [{ detail: 'text' }, null],
  ])('finds the space of %j: %s', (entry, space) => {
    expect(auditSpaceOf(entry, events)).toBe(space);
  });
});

// Entries written before migration 0005 get their space from their target and detail.
const pgUrl = process.env.TEST_DATABASE_URL;
describe.each([{ name: 'sqlite', adminUrl: undefined as string | undefined }, ...(pgUrl ? [{ name: 'postgres', adminUrl: pgUrl }] : [])])(
  'migration 0005 on $name', ({ adminUrl }) => {
    let handle: DatabaseHandle | undefined;
    let drop: (() => Promise<void>) | undefined;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-audit-'));
    afterAll(async () => {
      await handle?.close();
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('fills in the space of older entries', async () => {
      let databaseUrl: string | undefined;
      if (adminUrl) ({ url: databaseUrl, drop } = await createScratchPostgres(adminUrl, 'hustings_audit'));
      handle = openDatabase({ databaseUrl, dataDir });
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => allMigrations(handle!.dialect) } });
      expect((await migrator.migrateTo('0004_exhibits')).error).toBeUndefined();
      const repos = createRepos(handle.db);
      await repos.spaces.seedIfEmpty(SPACES.values());
      // The schema as it was at 0004 (no audit space_id, no later event columns): raw rows.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const old = handle.db as unknown as Kysely<any>;
      const event = { id: 'event-at-0004' };
      await old.insertInto('events').values({
        id: event.id, space_id: 'townhall', title: 'T', description: '', state: 'scheduled', starts_at: '2030-01-01T18:00:00.000Z',
        started_at: null, ended_at: null, auto_approve: 0, created_by: null, created_at: '2030-01-01T00:00:00.000Z',
      }).execute();
      const rows = [
        { action: 'space.ban', target_type: 'identity', target_id: 'g', detail_json: JSON.stringify({ spaceId: 'hall-1', reason: 'r' }) },
        { action: 'exhibits.publish', target_type: 'space', target_id: 'hall-2', detail_json: null },
        { action: 'event.start', target_type: 'event', target_id: event.id, detail_json: null },
        { action: 'question.approve', target_type: 'question', target_id: 'q', detail_json: JSON.stringify({ eventId: event.id }) },
        { action: 'account.create', target_type: 'account', target_id: 'a', detail_json: '{"via":"invitation"}' },
      ];
      for (const row of rows) await old.insertInto('audit_log').values({ at: '2030-01-01T00:00:00.000Z', actor_id: 'system', ...row }).execute();
      expect(await migrateToLatest(handle)).toEqual(['0005_audit_space', '0006_address_bans', '0007_looks', '0008_ballots', '0009_consensus', '0010_event_thanks', '0012_consensus_analyses', '0013_question_merges', '0014_one_floor_turn']);
      const entries = await repos.audit.list({});
      expect(entries.map((e) => [e.action, e.spaceId]).sort()).toEqual([
        ['account.create', null], ['event.start', 'townhall'], ['exhibits.publish', 'hall-2'], ['question.approve', 'townhall'], ['space.ban', 'hall-1'],
      ]);
      expect((await repos.audit.list({ spaces: ['hall-1'] })).map((e) => e.action)).toEqual(['space.ban']);
    });
  });
