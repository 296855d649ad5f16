import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import type { FromWorker, ToWorker, WorkerReport } from './botProtocol.js';
import { delta, histogramQuantile, scrape } from './metrics.js';
import { quantile, round, sleep } from './stats.js';

export interface PlazaOptions {
  url: string;
  layout: SpaceLayout;
  clients: number;
  seconds: number;
  ramp: number;
  seed: number;
  /** Bot processes (each decodes what its bots receive, as browsers would). */
  workers: number;
  /** The longest pause a bot takes at a spot before walking on (0: always walking). */
  pauseSeconds: number;
  /**
   * Scheduling niceness of the bot processes (0: as the server). On one small machine the
   * bots and the server share the cores; a positive value lets the server take what it needs
   * first, as it would on its own machine. The bots' own lag is still measured and reported.
   */
  botNice: number;
  say: (message: string) => void;
}

/** Fails the run when the bots fell behind: their loop lag, or too few avatars moving. */
export const BOT_LAG_LIMIT_MS = 100;
export const MOVING_SHARE_FLOOR = 0.9;

/** Extra node arguments for the bot processes (e.g. LOAD_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-bots"). */
function botNodeArgs(): string[] {
  return (process.env.LOAD_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/** A forked bot process and a way to wait for its next message of a kind. */
class BotProcess {
  private readonly waiting = new Map<string, (m: FromWorker) => void>();
  constructor(readonly child: ChildProcess, say: (m: string) => void) {
    child.on('message', (m: FromWorker) => {
      if (m.kind === 'say') say(m.message);
      else if (m.kind === 'failed') throw new Error(`a bot process failed: ${m.message}`);
      else this.waiting.get(m.kind)?.(m);
    });
    // Said at once: a bot process that dies mid-run is the run's failure, not a silent gap.
    child.on('exit', (code, signal) => {
      if (!this.done) say(`a bot process (pid ${child.pid}) exited during the run: code ${code}, signal ${signal}`);
    });
  }
  /** Set once the run asked every process to leave. */
  done = false;
  ask<K extends FromWorker['kind']>(message: ToWorker, answer: K): Promise<Extract<FromWorker, { kind: K }>> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        reject(new Error(`a bot process had exited (code ${this.child.exitCode}, signal ${this.child.signalCode}) before '${answer}'`));
        return;
      }
      const onExit = (code: number | null) => reject(new Error(`a bot process exited (code ${code}) before answering '${answer}'`));
      this.child.once('exit', onExit);
      this.waiting.set(answer, (m) => {
        this.child.off('exit', onExit);
        resolve(m as Extract<FromWorker, { kind: K }>);
      });
      this.child.send(message);
    });
  }
}

/** The walking scenario: N bots over several processes stroll about one space; returns the figures. */
export async function runPlaza(o: PlazaOptions): Promise<Record<string, unknown>> {
  const { layout, clients, seconds, say } = o;
  const httpUrl = o.url.replace(/^ws/, 'http');
  const workers = Math.min(o.workers, clients);
  say(`joining ${clients} bots in ${workers} processes to ${layout.id} at ${o.ramp}/s on ${o.url}`);
  const procs: BotProcess[] = [];
  for (let w = 0; w < workers; w++) {
    const child = fork(new URL('./botWorker.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx', ...botNodeArgs()], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    if (o.botNice !== 0 && child.pid !== undefined) os.setPriority(child.pid, o.botNice);
    procs.push(new BotProcess(child, say));
  }
  try {
    await Promise.all(procs.map((p, w) => {
      const names: string[] = [];
      for (let i = w; i < clients; i += workers) names.push(`bot-${i + 1}`);
      return p.ask({ kind: 'start', url: o.url, layout, names, seed: o.seed * 1000 + w, ramp: o.ramp / workers, pauseSeconds: o.pauseSeconds }, 'joined');
    }));
    await sleep(2000); // settle: everyone walking
    await Promise.all(procs.map((p) => p.ask({ kind: 'mark' }, 'marked')));
    const before = await scrape(httpUrl);
    const t0 = performance.now();
    say(`measuring for ${seconds} s`);
    await sleep(seconds * 1000);
    const after = await scrape(httpUrl);
    const wall = (performance.now() - t0) / 1000;
    const reports = await Promise.all(procs.map((p) => p.ask({ kind: 'report' }, 'report')));
    for (const p of procs) p.done = true;
    await Promise.all(procs.map((p) => p.ask({ kind: 'leave' }, 'left')));
    return figures(o, reports, before, after, wall);
  } finally {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  }
}

function figures(o: PlazaOptions, reports: WorkerReport[], before: Map<string, number>, after: Map<string, number>, wall: number): Record<string, unknown> {
  const perClient = reports.flatMap((r) => r.bytes).map((b) => b / wall / 1024);
  const connected = reports.reduce((s, r) => s + r.connected, 0);
  const windows = delta('hustings_avatar_windows_total{moving="all"}', before, after);
  const moving = delta('hustings_avatar_windows_total{moving="yes"}', before, after);
  return {
    clients: o.clients,
    connected,
    disconnects: reports.reduce((s, r) => s + r.disconnects, 0),
    errors: reports.reduce((s, r) => s + r.errors, 0),
    tickP50Ms: round(histogramQuantile('hustings_tick_duration_seconds', 0.5, before, after) * 1000, 3),
    tickP99Ms: round(histogramQuantile('hustings_tick_duration_seconds', 0.99, before, after) * 1000, 3),
    ticksPerSec: round(delta('hustings_tick_duration_seconds_count', before, after) / wall, 1),
    downKBpsPerClient: round(quantile(perClient, 0.5), 2),
    downKBpsP99: round(quantile(perClient, 0.99), 2),
    serverRssMB: round((after.get('process_resident_memory_bytes') ?? 0) / 1024 / 1024, 1),
    serverRssGrowthMB: round(delta('process_resident_memory_bytes', before, after) / 1024 / 1024, 1),
    serverCpuPct: round((delta('process_cpu_seconds_total', before, after) / wall) * 100, 1),
    // The server's CPU per tick: on a starved machine wall-clock tick times include waiting for a core.
    serverCpuMsPerTick: round(delta('process_cpu_seconds_total', before, after) * 1000 / Math.max(1, delta('hustings_tick_duration_seconds_count', before, after)), 2),
    movingShare: windows > 0 ? round(moving / windows, 3) : 0,
    inputsAppliedPerSec: round(delta('hustings_move_inputs_applied_total', before, after) / wall, 0),
    botProcesses: reports.length,
    botNice: o.botNice,
    botCpuPct: round(reports.reduce((s, r) => s + r.cpuPct, 0), 1),
    botKernelCpuPct: round(reports.reduce((s, r) => s + r.cpuSystemPct, 0), 1),
    botLagP99Ms: round(Math.max(...reports.map((r) => r.lagP99Ms)), 1),
    botLagMaxMs: round(Math.max(...reports.map((r) => r.lagMaxMs)), 1),
  };
}

/** Why the figures cannot be trusted as a measure of the server, or the run failed (empty when neither). */
export function botsFellBehind(result: Record<string, unknown>, pauseSeconds: number): string[] {
  const problems: string[] = [];
  const connected = Number(result.connected);
  if (connected < Number(result.clients)) problems.push(`only ${connected} of ${String(result.clients)} bots got in`);
  const lag = Number(result.botLagP99Ms);
  if (lag > BOT_LAG_LIMIT_MS) problems.push(`the bots' event loops lagged (p99 ${lag} ms > ${BOT_LAG_LIMIT_MS} ms)`);
  const share = Number(result.movingShare);
  if (pauseSeconds === 0 && share < MOVING_SHARE_FLOOR) problems.push(`only ${share} of the avatars moved in a window (< ${MOVING_SHARE_FLOOR}) though every bot walks`);
  return problems;
}
