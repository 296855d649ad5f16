/**
 * Ballot changes per second the server commits (issue 20, "Benchmarks"; the consensus half has
 * its own script). Starts the real server (a fresh data directory; PostgreSQL when DATABASE_URL
 * is set), sets up an open ballot in the plaza with 10 proposals that guests may vote on, and has
 * `--voters` guests change their whole allocation over HTTP from `--concurrency` loops for
 * `--seconds`, each change a random allocation within the budget (1 in 20 a forged over-budget
 * one, which must be refused). Every 200 is a committed change (the server answers after the
 * commit). Afterwards the results are checked: every voter who was answered 200 is counted and
 * no ballot spent more than the budget.
 *
 * Prints one JSON line per seed and a summary, with the load generator's own CPU and the
 * server's (from /proc). Options: --seeds 1,2,3 --voters 200 --concurrency 16 --seconds 10 --port P.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi, requestGuestSession } from '../../shared/protocol/apiClient.js';
import { createScratchPostgres } from '../../server/store/scratch.js';
import { createAdmin, startServer, stopServer } from './server.js';
import { mulberry32 } from './random.js';
import { quantile, round } from './stats.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SEEDS = arg('seeds', '1,2,3').split(',').map(Number);
const VOTERS = Number(arg('voters', '200'));
const CONCURRENCY = Number(arg('concurrency', '16'));
const SECONDS = Number(arg('seconds', '10'));
/** 0: a free port the system picks. */
const PORT = Number(arg('port', '0'));
const PROPOSALS = 10;
const BUDGET = 100;
const ADMIN = { email: 'bench@example.org', password: 'a bench admin password', name: 'Bench Admin' };

/** A random allocation within the budget: up to 4 proposals, votes taken while credits last. */
function allocation(random: () => number): Record<string, number> {
  const votes: Record<string, number> = {};
  let left = BUDGET;
  for (let k = 0; k < 4; k++) {
    const id = `p${1 + Math.floor(random() * PROPOSALS)}`;
    const have = votes[id] ?? 0;
    const most = Math.floor(Math.sqrt(left + have * have));
    const n = Math.floor(random() * (most + 1));
    left += have * have - n * n;
    if (n === 0) delete votes[id];
    else votes[id] = n;
  }
  return votes;
}

/** utime + stime of a process in seconds (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** With DATABASE_URL (a PostgreSQL server), each seed runs in a scratch database of its own, dropped afterwards. */
const PG_ADMIN_URL = process.env.DATABASE_URL;

async function runSeed(seed: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-bench-ballots-'));
  const scratch = PG_ADMIN_URL ? await createScratchPostgres(PG_ADMIN_URL, 'hustings_bench_ballots') : undefined;
  if (scratch) process.env.DATABASE_URL = scratch.url;
  const server = await startServer(dataDir, 2000, PORT > 0 ? { port: PORT } : {});
  const http = server.url.replace(/^ws/, 'http');
  try {
    await createAdmin(dataDir, ADMIN);
    const admin = await callApi('login', { baseUrl: http, body: { email: ADMIN.email, password: ADMIN.password } });
    const created = await callApi('createBallot', {
      baseUrl: http, token: admin.token, params: { id: 'plaza' },
      body: { title: `Bench ballot (seed ${seed})`, budget: BUDGET, voters: { accounts: true, codes: false, guests: true }, proposals: Array.from({ length: PROPOSALS }, (_, i) => ({ title: `Proposal ${i + 1}` })) },
    });
    const ballot = await callApi('updateBallot', { baseUrl: http, token: admin.token, params: { id: 'plaza', ballotId: created.id }, body: { phase: 'open' } });
    const tokens: string[] = [];
    for (let i = 0; i < VOTERS; i++) tokens.push((await requestGuestSession(http, `Voter ${i + 1}`)).token);

    const random = mulberry32(seed);
    const latencies: number[] = [];
    const outcome = { committed: 0, forgedRefused: 0, forgedAccepted: 0, otherRefusals: 0 };
    const answered = new Set<number>();
    const serverPid = server.child!.pid!;
    const cpuBefore = process.cpuUsage();
    const serverBefore = cpuSeconds(serverPid);
    const started = performance.now();
    const until = started + SECONDS * 1000;
    const loop = async () => {
      while (performance.now() < until) {
        const voter = Math.floor(random() * VOTERS);
        const forged = random() < 0.05;
        const votes = forged ? { p1: 10, p2: 1 } : allocation(random);
        const t0 = performance.now();
        const res = await fetch(`${http}/api/spaces/plaza/ballots/${ballot.id}/allocation`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[voter]}` }, body: JSON.stringify({ votes }),
        });
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (res.status === 200 && !forged) {
          outcome.committed++;
          latencies.push(ms);
          answered.add(voter);
        } else if (forged) outcome[res.status === 400 ? 'forgedRefused' : 'forgedAccepted']++;
        else outcome.otherRefusals++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, loop));
    const wall = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const serverCpu = cpuSeconds(serverPid) - serverBefore;

    const results = await callApi('ballotResults', { baseUrl: http, params: { id: 'plaza', ballotId: ballot.id } });
    const spent = results.proposals.reduce((sum, p) => sum + (p.guests?.credits ?? 0), 0);
    return {
      seed, database: scratch ? 'postgres' : 'sqlite', voters: VOTERS, concurrency: CONCURRENCY, seconds: round(wall, 2),
      commitsPerSec: round(outcome.committed / wall, 1),
      latencyMs: { p50: round(quantile(latencies, 0.5), 1), p99: round(quantile(latencies, 0.99), 1) },
      ...outcome,
      check: {
        votersCounted: results.turnout.guests, votersAnswered: answered.size,
        creditsSpent: spent, creditsAtMost: answered.size * BUDGET, ok: results.turnout.guests === answered.size && spent <= answered.size * BUDGET && outcome.forgedAccepted === 0,
      },
      generatorCpuPct: round(((cpu.user + cpu.system) / 1e6 / wall) * 100, 1),
      serverCpuPct: round((serverCpu / wall) * 100, 1),
      loadAverage: os.loadavg().map((l) => round(l, 2)),
    };
  } finally {
    await stopServer(server);
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const runs = [];
for (const seed of SEEDS) {
  const run = await runSeed(seed);
  console.log(JSON.stringify(run));
  runs.push(run);
}
const rates = runs.map((r) => r.commitsPerSec).sort((a, b) => a - b);
console.log(JSON.stringify({
  summary: 'ballot changes committed per second', seeds: SEEDS, commitsPerSec: { min: rates[0], median: rates[Math.floor(rates.length / 2)], max: rates[rates.length - 1] },
  allChecksOk: runs.every((r) => r.check.ok),
}));
