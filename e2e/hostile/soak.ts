/**
 * npm run soak -- [--clients 300] [--minutes 10] [--ramp 20] [--seed 1] [--space plaza]
 *
 * A real server process (fresh data directory, voice off) and N walking bots for M minutes.
 * Every 30 s: server RSS, tick p50/p99 over the window, server CPU and this process's own CPU.
 * Reports memory growth (last window against the first after the ramp) and tick p99 drift
 * (the same ratio); last line JSON. Exits 1 if a bot was dropped or the server died.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SpaceLayout } from '../../shared/spaces/layout.js';
import { Bot } from '../load/bot.js';
import { histogramQuantile, scrape, type Scrape } from '../load/metrics.js';
import { mulberry32 } from '../load/random.js';
import { startServerProcess, stopServerProcess } from './serverProcess.js';

const { values } = parseArgs({ options: {
  clients: { type: 'string', default: '300' }, minutes: { type: 'string', default: '10' }, ramp: { type: 'string', default: '20' },
  seed: { type: 'string', default: '1' }, space: { type: 'string', default: 'plaza' }, window: { type: 'string', default: '30' },
} });
const clients = Number(values.clients);
const minutes = Number(values.minutes);
const windowMs = Number(values.window) * 1000;
const say = (m: string) => console.error(`[soak] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-soak-'));
const server = await startServerProcess({ dataDir });
const windows: { atS: number; rssMB: number; tickP50Ms: number; tickP99Ms: number; serverCpuPct: number; botCpuPct: number }[] = [];
let exitCode = 0;
let joinErrors = 0;
try {
  const layout = SpaceLayout.parse(((await (await fetch(`${server.http}/api/spaces/${values.space}`)).json()) as { space: unknown }).space);
  const bots: Bot[] = [];
  const random = mulberry32(Number(values.seed));
  const stepper = setInterval(() => { const now = Date.now(); for (const b of bots) b.step(now); }, 50);
  for (let i = 0; i < clients; i++) {
    const bot = new Bot(server.url, layout, `Soak ${i + 1}`, mulberry32(Math.floor(random() * 2 ** 31)));
    try {
      await bot.join();
      bots.push(bot);
    } catch (err) {
      // Counted and said, not fatal: how many could not join is one of the soak's figures.
      joinErrors++;
      say(`Soak ${i + 1} could not join: ${err instanceof Error ? err.message : String(err)}`);
    }
    if ((i + 1) % Number(values.ramp) === 0) await sleep(1000);
  }
  say(`${bots.length} bots walking; ${minutes} min, a figure every ${windowMs / 1000} s`);
  const start = Date.now();
  let before: Scrape = await scrape(server.http);
  let cpuBefore = process.cpuUsage();
  let serverCpuBefore = server.cpuSeconds() ?? 0;
  let t = performance.now();
  while (Date.now() - start < minutes * 60_000 && !server.exit()) {
    await sleep(Math.min(windowMs, minutes * 60_000 - (Date.now() - start)));
    if (server.exit()) break;
    const after = await scrape(server.http);
    const cpu = process.cpuUsage(cpuBefore);
    const now = performance.now();
    const wall = (now - t) / 1000;
    const serverCpu = server.cpuSeconds() ?? 0;
    const w = {
      atS: Math.round((Date.now() - start) / 1000),
      rssMB: Math.round((server.rss() ?? 0) / 1e5) / 10,
      tickP50Ms: Number((histogramQuantile('hustings_tick_duration_seconds', 0.5, before, after) * 1000).toFixed(2)),
      tickP99Ms: Number((histogramQuantile('hustings_tick_duration_seconds', 0.99, before, after) * 1000).toFixed(2)),
      serverCpuPct: Number((((serverCpu - serverCpuBefore) / wall) * 100).toFixed(1)),
      botCpuPct: Number((((cpu.user + cpu.system) / 1e6 / wall) * 100).toFixed(1)),
    };
    windows.push(w);
    say(JSON.stringify(w));
    before = after;
    cpuBefore = process.cpuUsage();
    serverCpuBefore = serverCpu;
    t = now;
  }
  clearInterval(stepper);
  const dropped = bots.filter((b) => b.disconnected).length;
  await Promise.race([Promise.all(bots.map((b) => b.leave())), sleep(5000)]);
  const first = windows[0];
  const last = windows.at(-1);
  const result = {
    clients, joined: bots.length, joinErrors, minutes, windows: windows.length, dropped, serverAlive: !server.exit(),
    rssFirstMB: first?.rssMB, rssLastMB: last?.rssMB, rssGrowthMB: first && last ? Number((last.rssMB - first.rssMB).toFixed(1)) : null,
    rssMaxMB: Math.max(...windows.map((w) => w.rssMB)),
    tickP99FirstMs: first?.tickP99Ms, tickP99LastMs: last?.tickP99Ms, tickP99Drift: first && last ? Number((last.tickP99Ms / first.tickP99Ms).toFixed(2)) : null,
    tickP99MaxMs: Math.max(...windows.map((w) => w.tickP99Ms)),
    serverCpuMeanPct: Number((windows.reduce((s, w) => s + w.serverCpuPct, 0) / Math.max(1, windows.length)).toFixed(1)),
    botCpuMeanPct: Number((windows.reduce((s, w) => s + w.botCpuPct, 0) / Math.max(1, windows.length)).toFixed(1)),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
  };
  console.log(JSON.stringify(result));
  if (dropped > 0 || joinErrors > 0 || !result.serverAlive) exitCode = 1;
} finally {
  await stopServerProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
