/**
 * One bot process of the walking scenario (forked by plaza.ts): joins its share of the bots,
 * drives them every 50 ms, and answers the parent's phases over IPC with its own figures,
 * its CPU and its event-loop lag included, so a starved generator cannot pass as a fast server.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Bot } from './bot.js';
import { mulberry32 } from './random.js';
import type { ToWorker, WorkerReport } from './botProtocol.js';

const LOOP_RESOLUTION_MS = 10;
const bots: Bot[] = [];
let joinErrors = 0;
let driver: ReturnType<typeof setInterval> | undefined;
let lag = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
let mark = { cpu: process.cpuUsage(), at: performance.now(), bytes: [] as number[] };

function reply(message: unknown): void {
  process.send?.(message);
}

async function start(o: Extract<ToWorker, { kind: 'start' }>): Promise<void> {
  const random = mulberry32(o.seed);
  const joins: Promise<void>[] = [];
  for (const name of o.names) {
    const bot = new Bot(o.url, o.layout, name, random, o.pauseSeconds);
    bots.push(bot);
    joins.push(bot.join().catch((err: unknown) => {
      joinErrors++;
      reply({ kind: 'say', message: `${name} could not join: ${err instanceof Error ? err.message : String(err)}` });
    }));
    await new Promise((r) => setTimeout(r, 1000 / o.ramp));
  }
  await Promise.all(joins);
  driver = setInterval(() => {
    const now = Date.now();
    for (const bot of bots) bot.step(now);
  }, 50);
  lag.enable();
  reply({ kind: 'joined' });
}

function takeMark(): void {
  lag.disable();
  lag = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  lag.enable();
  mark = { cpu: process.cpuUsage(), at: performance.now(), bytes: bots.map((b) => b.bytesReceived) };
  reply({ kind: 'marked' });
}

function report(): void {
  const cpu = process.cpuUsage(mark.cpu);
  const wallS = (performance.now() - mark.at) / 1000;
  const ms = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  const message: WorkerReport = {
    kind: 'report',
    bytes: bots.filter((b) => b.room && !b.disconnected).map((b) => b.bytesReceived - (mark.bytes[bots.indexOf(b)] ?? 0)),
    connected: bots.filter((b) => b.room && !b.disconnected).length,
    disconnects: bots.filter((b) => b.disconnected).length,
    errors: joinErrors + bots.reduce((s, b) => s + b.errors, 0),
    motionFrames: bots.reduce((s, b) => s + b.motionFrames, 0),
    cpuPct: ((cpu.user + cpu.system) / 1e6 / wallS) * 100,
    cpuSystemPct: (cpu.system / 1e6 / wallS) * 100,
    lagP50Ms: ms(lag.percentile(50)),
    lagP99Ms: ms(lag.percentile(99)),
    lagMaxMs: ms(lag.max),
    wallS,
  };
  reply(message);
}

process.on('message', (message: ToWorker) => {
  if (message.kind === 'start') void start(message).catch((err: unknown) => reply({ kind: 'failed', message: String(err) }));
  else if (message.kind === 'mark') takeMark();
  else if (message.kind === 'report') report();
  else if (message.kind === 'leave') {
    clearInterval(driver);
    void Promise.all(bots.map((b) => b.leave())).then(() => {
      reply({ kind: 'left' });
      process.disconnect?.();
    });
  }
});

// Stopped by the parent: exit as a normal exit would (so --cpu-prof, given by LOAD_BOT_NODE_ARGS, writes its profile).
process.on('SIGTERM', () => process.exit(0));
