/**
 * `npm run bench:civic` (consensus part): how long the consensus analysis takes.
 *
 * For each size (1,000 participants x 200 statements, 10,000 x 500) and each seed, a
 * conversation with three planted opinion groups is generated (each participant votes on
 * --density of the statements, default 0.3) and analysed in this process, the same pure
 * function the server's worker thread runs: PCA by power iteration, 100 base clusters,
 * k = 2..5 by silhouette, representative and consensus statements. Prints a line per run and
 * a summary per size (median and max over seeds), this process's CPU time per run, whether
 * the planted groups were found; then the largest size once more through the server's worker
 * thread while this (main) thread's event-loop delay is measured, which is what a room would
 * see; and a JSON line last.
 * Options: --seeds N (5), --density D (0.3), --sizes 1000x200,10000x500.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { analyse } from '../../shared/consensus/analysis.js';
import { AnalysisThread } from '../../server/consensus/analysisThread.js';
import { syntheticConversation } from '../../shared/consensus/synthetic.js';
import { quantile, round } from './stats.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SEEDS = Number(arg('seeds', '5'));
const DENSITY = Number(arg('density', '0.3'));
const SIZES = arg('sizes', '1000x200,10000x500').split(',').map((s) => s.split('x').map(Number) as [number, number]);

/** Share of participants whose found group holds a majority of their planted group (1 = all found). */
function recovered(points: { participant: number; group: number }[], groupOf: (p: number) => number): number {
  const tally = new Map<string, number>();
  const plantedSize = new Map<number, number>();
  for (const p of points) {
    const planted = groupOf(p.participant);
    plantedSize.set(planted, (plantedSize.get(planted) ?? 0) + 1);
    tally.set(`${planted}:${p.group}`, (tally.get(`${planted}:${p.group}`) ?? 0) + 1);
  }
  let agreeing = 0;
  for (const planted of plantedSize.keys()) {
    agreeing += Math.max(...[...tally].filter(([k]) => k.startsWith(`${planted}:`)).map(([, n]) => n));
  }
  return agreeing / points.length;
}

const summary: Record<string, unknown>[] = [];
console.log('participants statements seed votes      ms   cpuMs  groups clustered recovered');
for (const [participants, statements] of SIZES) {
  const times: number[] = [];
  const cpus: number[] = [];
  let votesPerRun = 0;
  const groupsFound: number[] = [];
  const recoveredShares: number[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const conversation = syntheticConversation({ participants, statements, groups: 3, density: DENSITY, seed });
    votesPerRun = conversation.votes.vote.length;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = analyse({ statements: conversation.statements, votes: conversation.votes, seed });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const share = recovered(result.points, conversation.groupOf);
    times.push(ms);
    cpus.push(cpuMs);
    groupsFound.push(result.groups.length);
    recoveredShares.push(share);
    console.log(`${String(participants).padStart(12)} ${String(statements).padStart(10)} ${String(seed).padStart(4)} ${String(votesPerRun).padStart(7)} ${round(ms, 0).toString().padStart(7)} ${round(cpuMs, 0).toString().padStart(7)} ${String(result.groups.length).padStart(7)} ${String(result.clusteredCount).padStart(9)} ${round(share, 3).toString().padStart(9)}`);
  }
  summary.push({
    participants, statements, density: DENSITY, votes: votesPerRun, seeds: SEEDS,
    medianMs: round(quantile(times, 0.5), 1), maxMs: round(Math.max(...times), 1), minMs: round(Math.min(...times), 1),
    medianCpuMs: round(quantile(cpus, 0.5), 1), groupsFound, recovered: recoveredShares.map((r) => round(r, 3)),
  });
}
// The largest size again, in the worker thread the server uses: how long the main thread's event loop waits meanwhile.
const [bigP, bigS] = SIZES[SIZES.length - 1]!;
const big = syntheticConversation({ participants: bigP, statements: bigS, groups: 3, density: DENSITY, seed: 1 });
const thread = new AnalysisThread();
const lag = monitorEventLoopDelay({ resolution: 5 });
const ticker = setInterval(() => undefined, 5);
lag.enable();
const workerStart = performance.now();
await thread.run({ statements: big.statements, participant: big.votes.participant, statement: big.votes.statement, vote: big.votes.vote, seed: 1, previous: undefined, previousGroups: [] });
const workerMs = performance.now() - workerStart;
lag.disable();
clearInterval(ticker);
await thread.close();
// The same measure for as long with no analysis at all: what this machine's load alone costs the loop.
const idle = monitorEventLoopDelay({ resolution: 5 });
const idleTicker = setInterval(() => undefined, 5);
idle.enable();
await new Promise((resolve) => setTimeout(resolve, workerMs));
idle.disable();
clearInterval(idleTicker);
const ms = (ns: number) => round(ns / 1e6, 1);
const worker = {
  participants: bigP, statements: bigS, workerMs: round(workerMs, 1),
  mainLoopDelayMaxMs: ms(lag.max), mainLoopDelayP99Ms: ms(lag.percentile(99)),
  idleLoopDelayMaxMs: ms(idle.max), idleLoopDelayP99Ms: ms(idle.percentile(99)),
};
console.log(`\nworker thread, ${bigP} x ${bigS}: ${worker.workerMs} ms (transfer included); main thread's event-loop delay meanwhile: max ${worker.mainLoopDelayMaxMs} ms, p99 ${worker.mainLoopDelayP99Ms} ms; with no analysis for as long: max ${worker.idleLoopDelayMaxMs} ms, p99 ${worker.idleLoopDelayP99Ms} ms`);

console.log('');
for (const s of summary) console.log(`${s.participants} x ${s.statements}: median ${s.medianMs} ms, min ${s.minMs}, max ${s.maxMs} over ${s.seeds} seeds (${s.votes} votes, CPU median ${s.medianCpuMs} ms)`);
console.log(JSON.stringify({ bench: 'consensus', node: process.version, sizes: summary, worker }));
