import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPACES } from '../../shared/spaces/catalog.js';
import { type DatabaseHandle, openDatabase } from './db.js';
import { migrateToLatest } from './migrate.js';
import { createRepos, type Repos } from './repos.js';
import { createScratchPostgres } from './scratch.js';

/** Consensus conversations on every backend: SQLite always, PostgreSQL with TEST_DATABASE_URL (as store.test.ts). */
const pgUrl = process.env.TEST_DATABASE_URL;
const backends = [
  { name: 'sqlite', adminUrl: undefined, skip: false },
  pgUrl
    ? { name: 'postgres', adminUrl: pgUrl, skip: false }
    : { name: 'postgres (skipped: TEST_DATABASE_URL is not set; see scripts/postgres.sh)', adminUrl: undefined, skip: true },
];

describe.each(backends)('consensus store on $name', ({ adminUrl, skip }) => {
  let handle: DatabaseHandle;
  let dataDir: string;
  let repos: Repos;
  let dropScratch: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (skip) return;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-consensus-'));
    let databaseUrl: string | undefined;
    if (adminUrl) {
      const scratch = await createScratchPostgres(adminUrl, 'hustings_test');
      databaseUrl = scratch.url;
      dropScratch = scratch.drop;
    }
    handle = openDatabase({ databaseUrl, dataDir });
    await migrateToLatest(handle);
    repos = createRepos(handle.db);
    await repos.spaces.seedIfEmpty([...SPACES.values()]);
  });

  afterAll(async () => {
    if (skip) return;
    await handle?.close();
    await dropScratch?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(skip)('numbers participants and statements from 0, and keeps the latest vote', async () => {
    const c = await repos.consensus.create({ spaceId: 'plaza', question: 'Night buses?', createdBy: null });
    expect((await repos.consensus.current('plaza'))?.id).toBe(c.id);
    const [ana, ben] = await Promise.all([repos.consensus.participant(c.id, 'ana'), repos.consensus.participant(c.id, 'ben')]);
    expect([ana, ben].sort()).toEqual([0, 1]);
    expect(await repos.consensus.participant(c.id, 'ana')).toBe(ana);
    // The same person twice at once gets one number.
    const twice = await Promise.all([repos.consensus.participant(c.id, 'cy'), repos.consensus.participant(c.id, 'cy')]);
    expect(twice[0]).toBe(twice[1]);
    const s0 = await repos.consensus.addStatement(c.id, { text: 'Run them all night.', authorNumber: ana, state: 'accepted' });
    const s1 = await repos.consensus.addStatement(c.id, { text: 'Make them free.', authorNumber: ben, state: 'pending' });
    expect([s0.number, s1.number]).toEqual([0, 1]);
    await repos.consensus.vote(c.id, ana, 0, 1);
    await repos.consensus.vote(c.id, ana, 0, -1);
    await repos.consensus.vote(c.id, ben, 0, 0);
    expect((await repos.consensus.votes(c.id)).map((v) => [v.participant, v.statement, v.vote])).toEqual([[ana, 0, -1], [ben, 0, 0]].sort((a, b) => a[0]! - b[0]!));
    expect([...(await repos.consensus.votesOf(c.id, ana))]).toEqual([[0, -1]]);
    // A changed vote is still one vote on the statement.
    expect((await repos.consensus.statements(c.id)).map((s) => s.votes)).toEqual([2, 0]);
    expect([...(await repos.consensus.tallies(c.id))]).toEqual([[0, { agrees: 0, disagrees: 1, passes: 1 }]]);
    expect(await repos.consensus.pendingBy(c.id, ben)).toBe(1);
  });

  it.skipIf(skip)('moves a statement only from the states given', async () => {
    const c = await repos.consensus.create({ spaceId: 'hall-1', question: 'Trams?', createdBy: null });
    const s = await repos.consensus.addStatement(c.id, { text: 'Yes.', authorNumber: 0, state: 'pending' });
    expect((await repos.consensus.moderate(c.id, s.number, ['pending'], 'accepted'))?.state).toBe('accepted');
    expect(await repos.consensus.moderate(c.id, s.number, ['pending'], 'rejected')).toBeUndefined();
    expect(await repos.consensus.moderate(c.id, 99, ['pending'], 'accepted')).toBeUndefined();
  });

  it.skipIf(skip)('stores run n + 1 of an analysis only over run n, so one of two writers at once wins', async () => {
    const c = await repos.consensus.create({ spaceId: 'plaza', question: 'Analysed?', createdBy: null });
    expect(await repos.consensus.analysisRun(c.id)).toBe(0);
    expect(await repos.consensus.latestAnalysis(c.id)).toBeUndefined();
    // Two processes each analysed from "no analysis yet": the first to store wins.
    const firsts = await Promise.all([repos.consensus.saveAnalysis(c.id, 1, '{"by":"a"}', 'now'), repos.consensus.saveAnalysis(c.id, 1, '{"by":"b"}', 'now')]);
    expect(firsts.filter(Boolean)).toHaveLength(1);
    const winner = (await repos.consensus.latestAnalysis(c.id))!;
    expect(winner.run).toBe(1);
    expect(winner.json).toBe(firsts[0] ? '{"by":"a"}' : '{"by":"b"}');
    // Run 3 cannot skip run 2; run 2 goes over run 1 once.
    expect(await repos.consensus.saveAnalysis(c.id, 3, '{}', 'now')).toBe(false);
    expect(await Promise.all([repos.consensus.saveAnalysis(c.id, 2, '{"two":1}', 'now'), repos.consensus.saveAnalysis(c.id, 2, '{"two":2}', 'now')]).then((r) => r.filter(Boolean).length)).toBe(1);
    expect(await repos.consensus.analysisRun(c.id)).toBe(2);
  });

  it.skipIf(skip)('imports a conversation with its own numbers, in one transaction', async () => {
    const at = Date.UTC(2026, 0, 1);
    const c = await repos.transaction((r) => r.consensus.importConversation('townhall', 'Imported?', null, {
      statements: [{ id: 3, authorId: 7, createdAt: at, moderated: 1, text: 'Three.' }, { id: 5, authorId: 2, createdAt: at, moderated: -1, text: 'Five.' }],
      votes: [{ statement: 3, voter: 2, vote: 1, at }, { statement: 5, voter: 9, vote: -1, at }],
    }));
    expect(c.source).toBe('imported');
    expect((await repos.consensus.statements(c.id)).map((s) => [s.number, s.state, s.authorNumber, s.votes])).toEqual([[3, 'accepted', 7, 1], [5, 'rejected', 2, 1]]);
    expect(await repos.consensus.findParticipant(c.id, 'import:9')).toBe(9);
    // Someone new after the import gets the next free number.
    expect(await repos.consensus.participant(c.id, 'newcomer')).toBe(10);
  });
});
