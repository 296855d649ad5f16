/**
 * `npm run bench:looks -- --before /path/to/old/checkout [--rounds 3] [--port 8830]`: what the look
 * of the spaces costs, as ratios within one run (never absolute times on a shared machine).
 *
 * Starts two servers: this checkout's and an older checkout's (each with its own test build in
 * dist/client-test; the older one must have the `pinCamera` test hook), on two ports. Then, in
 * alternating order per round, opens the plaza in headless Chromium (SwiftShader) on the LOW
 * graphics tier at 640x360 (software rendering pays per pixel), pins the camera at the screenshot script's positions, and samples
 * frame times for a few seconds: the figure is the median frame time of this build over the old
 * one's. Last, in this build: draw calls with 10 and with 200 bots in view (they must be equal).
 * `--only plaza-spawn,hall` measures some views; `--seconds N` samples N seconds per page;
 * `--calls no` leaves out the draw calls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { HustingsTestHook } from '../../client/testHookTypes.js';
import { getSpace } from '../../shared/spaces/catalog.js';
import { Bot } from './bot.js';
import { launchSoftwareChromium, sampleFrames } from './browser.js';
import { mulberry32 } from './random.js';
import { quantile, round } from './stats.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const BEFORE = arg('before', '');
const ROUNDS = Number(arg('rounds', '3'));
const PORT = Number(arg('port', '8830'));
const SECONDS = Number(arg('seconds', '4'));
const CALLS = arg('calls', 'yes') !== 'no';
const ONLY = arg('only', '').split(',').filter(Boolean);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

type Vec = [number, number, number];
const VIEWS: { name: string; space: string; position: Vec; target: Vec }[] = [
  { name: 'plaza-spawn', space: 'plaza', position: [0, 3.4, 17], target: [0, 2.4, 0] },
  { name: 'townhall-back-row', space: 'townhall', position: [3.5, 3.1, 8.6], target: [0, 3.6, -12.5] },
  { name: 'hall', space: 'hall-1', position: [-11, 2.7, 3], target: [4, 1.4, -1] },
];

async function start(dir: string, port: number): Promise<ChildProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-lookbench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', VOICE: 'off', CLIENT_DIR: 'dist/client-test', DATA_DIR: dataDir, MAX_CLIENTS_PER_SPACE: '260' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`the server in ${dir} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function hook<T>(page: Page, fn: (h: HustingsTestHook, a: unknown) => T, a?: unknown): Promise<T> {
  const handle = await page.evaluateHandle(() => (window as unknown as { __hustings: HustingsTestHook }).__hustings);
  try {
    return await handle.evaluate(fn, a);
  } finally {
    await handle.dispose();
  }
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openView(browser: Browser, port: number, view: typeof VIEWS[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 640, height: 360 } });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('hustings:graphics', 'low'));
  await page.goto(`http://127.0.0.1:${port}/s/${view.space}`);
  await page.getByLabel('Display name').fill('Bench');
  await page.getByLabel('Display name').press('Enter');
  await until(() => hook(page, (h) => h.ready), 'ready');
  await hook(page, (h, a) => { const [p, t] = a as [Vec, Vec]; h.pinCamera(p, t); }, [view.position, view.target]);
  const from = await hook(page, (h) => h.renderInfo().frame);
  await until(async () => (await hook(page, (h) => h.renderInfo().frame)) > from + 20, 'frames');
  return page;
}

async function frameTime(browser: Browser, port: number, view: typeof VIEWS[number]): Promise<number> {
  const page = await openView(browser, port, view);
  try {
    return quantile(await sampleFrames(page, SECONDS), 0.5);
  } finally {
    await page.context().close();
  }
}

async function drawCalls(browser: Browser, port: number): Promise<Record<string, number>> {
  const page = await openView(browser, port, { name: 'crowd', space: 'plaza', position: [0, 11, 26], target: [0, 0.5, 2] });
  const bots: Bot[] = [];
  const out: Record<string, number> = {};
  try {
    for (const want of [10, 200]) {
      while (bots.length < want) {
        const bot = new Bot(`ws://127.0.0.1:${port}`, getSpace('plaza')!, `Extra ${bots.length}`, mulberry32(bots.length));
        await bot.join();
        bots.push(bot);
      }
      await until(async () => (await hook(page, (h) => h.avatars().length)) >= want + 1, `${want} people in view`);
      const f = await hook(page, (h) => h.renderInfo().frame);
      await until(async () => (await hook(page, (h) => h.renderInfo().frame)) > f + 5, 'frames');
      out[`people${want}`] = (await hook(page, (h) => h.renderInfo())).calls;
    }
  } finally {
    await Promise.all(bots.map((b) => b.leave()));
    await page.context().close();
  }
  return out;
}

async function main(): Promise<void> {
  if (!BEFORE) throw new Error('--before <checkout of the old code, with its own dist/client-test> is required');
  const servers = [await start(process.cwd(), PORT), await start(path.resolve(BEFORE), PORT + 1)];
  const browser = await launchSoftwareChromium();
  try {
    console.log(`load average at the start: ${load()}`);
    for (const view of VIEWS.filter((v) => ONLY.length === 0 || ONLY.includes(v.name))) {
      const ratios: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        // Alternate which build goes first, so a trend in the machine's load favours neither.
        const order = r % 2 === 0 ? [PORT, PORT + 1] : [PORT + 1, PORT];
        const times: Record<number, number> = {};
        for (const port of order) times[port] = await frameTime(browser, port, view);
        ratios.push(times[PORT]! / times[PORT + 1]!);
        console.log(`${view.name} round ${r + 1}: after ${round(times[PORT]!, 1)} ms, before ${round(times[PORT + 1]!, 1)} ms, ratio ${round(ratios.at(-1)!, 2)}`);
      }
      console.log(`${view.name}: frame time after/before (low tier, median frame, ${ROUNDS} rounds): median ${round(quantile(ratios, 0.5), 2)}, min ${round(Math.min(...ratios), 2)}, max ${round(Math.max(...ratios), 2)} (load average ${load()})`);
    }
    if (CALLS) {
      console.log('draw calls, this build:', JSON.stringify(await drawCalls(browser, PORT)));
      console.log('draw calls, before:', JSON.stringify(await drawCalls(browser, PORT + 1)));
    }
    console.log(`machine: ${os.cpus().length} cores, ${load()} load average, SwiftShader, 640x360, graphics low`);
  } finally {
    await browser.close();
    for (const s of servers) s.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
