import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMissing, runCrashRounds } from '../e2e/hostile/crash.js';
import { withDatabase } from '../e2e/hostile/pgDatabase.js';
import { emptyAcknowledged } from '../e2e/hostile/writers.js';

/**
 * kill -9 with writes in flight (issue 17): a real server process takes questions, votes,
 * approvals and exhibit edits, is killed with SIGKILL at a random moment, and every write it
 * acknowledged must be in the store, with nothing half-written. `npm run bench:crash` runs more
 * rounds and seeds. PostgreSQL too when TEST_DATABASE_URL is set (a database of its own is made there).
 */
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-crash-test-'));
  dirs.push(d);
  return d;
};

async function crashRounds(databaseUrl?: string) {
  const dataDir = tempDir();
  const rounds = await runCrashRounds({ dataDir, databaseUrl, rounds: 2, seed: 17, guests: 6, killBetweenMs: [1200, 3000] });
  for (const r of rounds) {
    expect({ round: r.round, missing: r.missing, halfWritten: r.halfWritten }).toEqual({ round: r.round, missing: [], halfWritten: [] });
    expect(r.acknowledged.questions).toBeGreaterThan(0);
    expect(r.acknowledged.approvals + r.acknowledged.exhibits).toBeGreaterThan(0);
  }
  // The check is not vacuous: a write the server never made is reported missing.
  const fake = emptyAcknowledged();
  fake.questions.set('no-such-question', 'Never asked?');
  fake.exhibits.add('no-such-exhibit');
  expect((await findMissing(fake, dataDir, databaseUrl)).missing).toHaveLength(2);
}

describe('kill -9 with writes in flight', () => {
  it('loses no acknowledged question, vote, approval or exhibit edit on SQLite', async () => {
    await crashRounds();
  }, 120_000);

  it.runIf(process.env.TEST_DATABASE_URL)('loses none on PostgreSQL', async () => {
    await withDatabase(process.env.TEST_DATABASE_URL!, `hustings_crash_test_${process.pid}`, (url) => crashRounds(url));
  }, 120_000);
});
