import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../server/store/db.js';
import { findHalfWritten } from '../../server/store/integrity.js';
import { createRepos } from '../../server/store/repos.js';
import { mulberry32 } from '../load/random.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from './serverProcess.js';
import { emptyAcknowledged, runGuest, runStaff, type Acknowledged } from './writers.js';

export interface CrashOptions {
  dataDir: string;
  /** PostgreSQL when set (a database of its own: it is written to); SQLite under dataDir otherwise. */
  databaseUrl?: string;
  rounds: number;
  seed: number;
  guests?: number;
  /** kill -9 at a random moment between these many milliseconds after the first acknowledged question. */
  killBetweenMs?: [number, number];
  say?: (message: string) => void;
}

export interface CrashRound {
  round: number;
  killedAfterMs: number;
  acknowledged: { questions: number; votes: number; approvals: number; exhibits: number; retitles: number };
  missing: string[];
  halfWritten: string[];
  /** Refusals the writers got (rate limits and the like: not losses). */
  refusals: Record<string, number>;
  /** From the start of the process to /healthz answering, after the kill. */
  restartMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function createStaff(dataDir: string, databaseUrl: string | undefined, email: string, password: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', 'create', '--email', email, '--name', 'Crash Chair'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'warn', HUSTINGS_ADMIN_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the admin CLI failed (exit ${code}): ${output.trim()}`);
}

/** Every acknowledged write, looked up in the store after the kill; one sentence per one that is not there. */
export async function findMissing(acked: Acknowledged, dataDir: string, databaseUrl: string | undefined): Promise<{ missing: string[]; halfWritten: string[] }> {
  const store = openDatabase({ databaseUrl, dataDir });
  try {
    const repos = createRepos(store.db);
    const missing: string[] = [];
    for (const [id, text] of acked.questions) {
      const q = await repos.questions.get(id);
      if (!q) missing.push(`question ${id}`);
      else if (q.text !== text) missing.push(`question ${id} text "${q.text}" is not "${text}"`);
    }
    for (const [id, votes] of acked.votes) {
      const q = await repos.questions.get(id);
      if (!q || q.votes < votes) missing.push(`question ${id}: ${votes} acknowledged votes, ${q?.votes ?? 'no question'} stored`);
    }
    for (const id of acked.approvals) {
      const q = await repos.questions.get(id);
      if (!q || q.state === 'pending') missing.push(`approval of ${id} (state ${q?.state ?? 'none'})`);
    }
    const draft = new Map((await repos.exhibits.draft('hall-1')).map((d) => [d.exhibit.id, d.exhibit]));
    for (const id of acked.exhibits) if (!draft.has(id)) missing.push(`exhibit ${id}`);
    for (const [id, { acked: title, later }] of acked.titles) {
      const stored = draft.get(id)?.title;
      if (stored !== undefined && stored !== title && !later.includes(stored)) missing.push(`exhibit ${id} titled "${stored}", acknowledged "${title}"`);
    }
    return { missing, halfWritten: await findHalfWritten(store.db) };
  } finally {
    await store.close();
  }
}

/**
 * Crash safety with writes in flight: in each round a real server process takes questions,
 * votes, approvals and exhibit edits from guests and a staff account, is killed with SIGKILL at
 * a random moment, and the store is then checked: every acknowledged write is there, and
 * nothing is half-written. The next round starts the server again on the same data.
 */
export async function runCrashRounds(o: CrashOptions): Promise<CrashRound[]> {
  const say = o.say ?? (() => undefined);
  const random = mulberry32(o.seed);
  const email = 'crash-staff@example.org';
  const password = randomBytes(18).toString('base64url');
  await createStaff(o.dataDir, o.databaseUrl, email, password);
  // Always set: a DATABASE_URL in this process's environment must not reach the SQLite rounds.
  const env: Record<string, string> = { DATABASE_URL: o.databaseUrl ?? '' };
  const [minMs, maxMs] = o.killBetweenMs ?? [1500, 5000];
  const rounds: CrashRound[] = [];
  let server: ServerProcess | undefined;
  let restartMs = 0;
  try {
    for (let round = 1; round <= o.rounds; round++) {
      const started = performance.now();
      server = await startServerProcess({ dataDir: o.dataDir, env });
      restartMs = performance.now() - started;
      const acked = emptyAcknowledged();
      let stopped = false;
      const stop = () => stopped;
      const s = server;
      const writers = [
        runStaff({ url: s.url, http: s.http, email, password, acked, stop, random: mulberry32(o.seed * 100 + round) }),
        ...Array.from({ length: o.guests ?? 8 }, (_, i) => runGuest({
          url: s.url, http: s.http, name: `Voter ${round}-${i + 1}`, acked, stop, random: mulberry32(o.seed * 1000 + round * 50 + i),
        })),
      ].map((p) => p.catch(() => undefined));
      // The kill comes at a random moment after writing is under way (the first acknowledged question).
      const ready = Date.now() + 60_000;
      while (acked.questions.size === 0 && Date.now() < ready) await sleep(10);
      const killedAfterMs = Math.round(minMs + random() * (maxMs - minMs));
      await sleep(killedAfterMs);
      await stopServerProcess(s, 'SIGKILL');
      stopped = true;
      await Promise.race([Promise.all(writers), sleep(3000)]);
      const { missing, halfWritten } = await findMissing(acked, o.dataDir, o.databaseUrl);
      const retitles = [...acked.titles.values()].filter((t) => t.acked.startsWith('Retitled')).length;
      const result: CrashRound = {
        round, killedAfterMs, restartMs: Math.round(restartMs), missing, halfWritten, refusals: Object.fromEntries(acked.refusals),
        acknowledged: { questions: acked.questions.size, votes: [...acked.votes.values()].reduce((a, b) => a + b, 0), approvals: acked.approvals.size, exhibits: acked.exhibits.size, retitles },
      };
      say(`round ${round}: killed after ${killedAfterMs} ms; acknowledged ${JSON.stringify(result.acknowledged)}; missing ${missing.length}, half-written ${halfWritten.length}; started in ${result.restartMs} ms`);
      rounds.push(result);
    }
  } finally {
    if (server) await stopServerProcess(server);
  }
  return rounds;
}
