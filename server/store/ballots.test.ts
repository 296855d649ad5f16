import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPACES } from '../../shared/spaces/catalog.js';
import { type DatabaseHandle, openDatabase } from './db.js';
import { migrateToLatest } from './migrate.js';
import type { NewBallot } from './ballots.js';
import { createRepos, type Repos } from './repos.js';
import { createScratchPostgres } from './scratch.js';

/**
 * The ballot store on every backend: SQLite always, PostgreSQL when TEST_DATABASE_URL is set
 * (scripts/postgres.sh start), each run in its own scratch database.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const backends = [{ name: 'sqlite', adminUrl: undefined as string | undefined }, ...(pgUrl ? [{ name: 'postgres', adminUrl: pgUrl }] : [])];

const draft: NewBallot = {
  spaceId: 'townhall', title: 'Where should the money go?', description: '', budget: 100, allowAgainst: true,
  results: 'live', privacy: 'anonymous', voters: { accounts: true, codes: true, guests: true },
  opensAt: '2030-01-01T10:00:00.000Z', closesAt: null, createdBy: null,
  proposals: [
    { title: 'More parks', description: 'Two new parks', exhibitIds: ['exhibit-parks'] },
    { title: 'Night buses', description: '', exhibitIds: [] },
    { title: 'Homes', description: '', exhibitIds: [] },
  ],
};

describe.each(backends)('ballot store on $name', ({ adminUrl }) => {
  let handle: DatabaseHandle;
  let repos: Repos;
  let dataDir: string;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-ballots-'));
    let databaseUrl: string | undefined;
    if (adminUrl) ({ url: databaseUrl, drop } = await createScratchPostgres(adminUrl, 'hustings_ballots'));
    handle = openDatabase({ databaseUrl, dataDir });
    await migrateToLatest(handle);
    repos = createRepos(handle.db);
    await repos.spaces.seedIfEmpty(SPACES.values());
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a ballot with proposals p1..pN (and their exhibit links), lists it by space', async () => {
    const ballot = await repos.ballots.create(draft);
    expect(ballot).toMatchObject({
      spaceId: 'townhall', budget: 100, allowAgainst: true, privacy: 'anonymous', results: 'live',
      voters: { accounts: true, codes: true, guests: true }, opensAt: '2030-01-01T10:00:00.000Z', closesAt: null, firstCastAt: null, onStage: false,
    });
    expect(ballot.proposals).toEqual([
      { id: 'p1', title: 'More parks', description: 'Two new parks', exhibitIds: ['exhibit-parks'] },
      { id: 'p2', title: 'Night buses', description: '', exhibitIds: [] },
      { id: 'p3', title: 'Homes', description: '', exhibitIds: [] },
    ]);
    expect((await repos.ballots.listForSpace('townhall')).map((b) => b.id)).toContain(ballot.id);
    expect(await repos.ballots.listForSpace('plaza')).toEqual([]);
    expect(await repos.ballots.get('no-such-ballot')).toBeUndefined();
  });

  it('replaces a whole allocation on each change, keeps names only on named ballots, counts changes', async () => {
    const { id } = await repos.ballots.create(draft);
    await repos.ballots.putBallot(id, { voterKey: 'account:a1', voterClass: 'account', named: false, staff: false, name: 'Ana', votes: { p1: 6, p2: -8 }, credits: 100 });
    await repos.ballots.putBallot(id, { voterKey: 'account:a1', voterClass: 'account', named: false, staff: false, name: 'Ana', votes: { p1: 3, p2: 0, p3: 1 }, credits: 10 });
    await repos.ballots.putBallot(id, { voterKey: 'account:c1', voterClass: 'account', named: true, staff: true, name: 'Cy Curator', votes: { p2: 2 }, credits: 4 });
    await repos.ballots.putBallot(id, { voterKey: 'guest:g1', voterClass: 'guest', named: false, staff: false, name: 'Gus', votes: {}, credits: 0 });
    expect(await repos.ballots.ballotOf(id, 'account:a1')).toEqual({
      voterKey: 'account:a1', voterClass: 'account', named: false, staff: false, name: null, votes: { p1: 3, p3: 1 }, credits: 10, changes: 2,
    });
    const all = await repos.ballots.ballots(id);
    expect(all.map((b) => [b.voterKey, b.name, b.votes, b.credits])).toEqual([
      ['account:a1', null, { p1: 3, p3: 1 }, 10],
      ['account:c1', 'Cy Curator', { p2: 2 }, 4],
      ['guest:g1', null, {}, 0],
    ]);
    expect(await repos.ballots.ballotOf(id, 'account:nobody')).toBeUndefined();
  });

  it('changes locked settings only before the first ballot', async () => {
    const { id } = await repos.ballots.create(draft);
    expect(await repos.ballots.update(id, { privacy: 'named', proposals: [{ title: 'Only this', description: '', exhibitIds: [] }, { title: 'Or that', description: '', exhibitIds: [] }] }, true)).toBe(true);
    expect((await repos.ballots.get(id))!.proposals.map((p) => [p.id, p.title])).toEqual([['p1', 'Only this'], ['p2', 'Or that']]);
    await repos.ballots.markCast(id);
    const first = (await repos.ballots.get(id))!.firstCastAt;
    expect(first).not.toBeNull();
    await repos.ballots.markCast(id);
    expect((await repos.ballots.get(id))!.firstCastAt).toBe(first);
    expect(await repos.ballots.update(id, { privacy: 'anonymous' }, true)).toBe(false);
    expect((await repos.ballots.get(id))!.privacy).toBe('named');
    // Unlocked fields (the closing time, the title) still change.
    expect(await repos.ballots.update(id, { closesAt: '2030-01-02T00:00:00.000Z', title: 'Renamed' }, false)).toBe(true);
    expect(await repos.ballots.get(id)).toMatchObject({ closesAt: '2030-01-02T00:00:00.000Z', title: 'Renamed' });
    expect(await repos.ballots.lockForCast(id)).toBe(true);
    expect(await repos.ballots.lockForCast('no-such-ballot')).toBe(false);
  });

  it('spends each ballot code once, only on its own ballot', async () => {
    const a = await repos.ballots.create(draft);
    const b = await repos.ballots.create(draft);
    await repos.ballots.addCodes(a.id, ['hash-1', 'hash-2', 'hash-3'], null);
    expect(await repos.ballots.useCode(b.id, 'hash-1', 'guest:g1')).toBe(false);
    expect(await repos.ballots.useCode(a.id, 'hash-1', 'guest:g1')).toBe(true);
    expect(await repos.ballots.useCode(a.id, 'hash-1', 'guest:g2')).toBe(false);
    expect(await repos.ballots.useCode(a.id, 'hash-unknown', 'guest:g2')).toBe(false);
    expect(await repos.ballots.codeCounts(a.id)).toEqual({ issued: 3, used: 1 });
    const many = Array.from({ length: 250 }, (_, i) => `bulk-${i}`);
    await repos.ballots.addCodes(b.id, many, null);
    expect(await repos.ballots.codeCounts(b.id)).toEqual({ issued: 250, used: 0 });
  });

  it('puts one ballot of a space on the stage screen at a time', async () => {
    const a = await repos.ballots.create({ ...draft, spaceId: 'hall-1' });
    const b = await repos.ballots.create({ ...draft, spaceId: 'hall-1' });
    await repos.ballots.setOnStage('hall-1', a.id, true);
    await repos.ballots.setOnStage('hall-1', b.id, true);
    expect((await repos.ballots.listForSpace('hall-1')).map((x) => x.onStage)).toEqual([false, true]);
    await repos.ballots.setOnStage('hall-1', b.id, false);
    expect((await repos.ballots.listForSpace('hall-1')).map((x) => x.onStage)).toEqual([false, false]);
  });

  it('writes nothing of a cast whose transaction fails (a code spent, the ballot and the lock all roll back)', async () => {
    const { id } = await repos.ballots.create(draft);
    await repos.ballots.addCodes(id, ['hash-roll'], null);
    const failed = await repos.transaction(async (r) => {
      await r.ballots.lockForCast(id);
      expect(await r.ballots.useCode(id, 'hash-roll', 'guest:g9')).toBe(true);
      await r.ballots.markCast(id);
      await r.ballots.putBallot(id, { voterKey: 'guest:g9', voterClass: 'code', named: false, staff: false, name: null, votes: { p1: 1 }, credits: 1 });
      throw new Error('refused after writing');
    }).then(() => 'committed', (e: unknown) => (e as Error).message);
    expect(failed).toBe('refused after writing');
    expect(await repos.ballots.ballotOf(id, 'guest:g9')).toBeUndefined();
    expect((await repos.ballots.get(id))!.firstCastAt).toBeNull();
    expect(await repos.ballots.codeCounts(id)).toEqual({ issued: 1, used: 0 });
  });
});
