/**
 * npm run bench:crash -- [--rounds 3] [--seeds 1,2,3] [--guests 8]
 *
 * kill -9 with writes in flight, on SQLite and, when DATABASE_URL names a PostgreSQL server, on
 * PostgreSQL too (a fresh database per seed, created and dropped there). Prints each round and
 * a last JSON line; exits 1 if an acknowledged write was missing or something half-written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashRounds, type CrashRound } from './crash.js';
import { withDatabase } from './pgDatabase.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, seeds: { type: 'string', default: '1,2,3' }, guests: { type: 'string', default: '8' } } });
const say = (m: string) => console.error(`[crash] ${m}`);
const backends: ('sqlite' | 'postgres')[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const results: { backend: string; seed: number; rounds: CrashRound[] }[] = [];

for (const backend of backends) {
  for (const seed of values.seeds.split(',').map(Number)) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-crash-'));
    say(`${backend}, seed ${seed}`);
    const run = (databaseUrl?: string) => runCrashRounds({ dataDir, databaseUrl, rounds: Number(values.rounds), seed, guests: Number(values.guests), say });
    try {
      const rounds = backend === 'postgres' ? await withDatabase(process.env.DATABASE_URL!, `hustings_crash_${seed}`, run) : await run();
      results.push({ backend, seed, rounds });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
const failed = results.some((r) => r.rounds.some((x) => x.missing.length > 0 || x.halfWritten.length > 0));
const sum = (f: (r: CrashRound) => number) => results.reduce((s, r) => s + r.rounds.reduce((t, x) => t + f(x), 0), 0);
console.log(JSON.stringify({
  runs: results.length, rounds: sum(() => 1),
  acknowledged: { questions: sum((r) => r.acknowledged.questions), votes: sum((r) => r.acknowledged.votes), approvals: sum((r) => r.acknowledged.approvals), exhibits: sum((r) => r.acknowledged.exhibits), retitles: sum((r) => r.acknowledged.retitles) },
  missing: sum((r) => r.missing.length), halfWritten: sum((r) => r.halfWritten.length),
  restartMs: results.flatMap((r) => r.rounds.map((x) => x.restartMs)),
  failed, results,
}));
process.exitCode = failed ? 1 : 0;
