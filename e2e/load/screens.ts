/**
 * `npm run screens -- --out docs/screens/after [--port 8810]`: screenshots of the spaces from fixed
 * camera positions, at desktop (1280x720) and phone (390x844) sizes, for before/after comparisons.
 *
 * Starts the real server on the given port with the test build of the client (dist/client-test:
 * build it first with `npm run build:test`), opens each space in headless Debian Chromium
 * (SwiftShader), enters as a guest, waits for the test hook's ready flag, pins the camera with
 * `__hustings.pinCamera` and waits for frames to be drawn before each shot. The crowd shot first
 * joins 50 colyseus.js bots to the plaza (as the load tool's bots do), lets them stroll for a few
 * seconds on seeded paths, then stops them. Graphics tier: BENCH_GRAPHICS (high by default), and a
 * `low` pass for the phone (a phone picks the low tier by itself).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { getSpace } from '../../shared/spaces/catalog.js';
import type { HustingsTestHook } from '../../client/testHookTypes.js';
import { Bot } from './bot.js';
import { launchSoftwareChromium } from './browser.js';
import { mulberry32 } from './random.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const OUT = arg('out', 'docs/screens/after');
const PORT = Number(arg('port', '8810'));
const CROWD = Number(arg('crowd', '50'));
const ONLY = arg('only', '');

type Vec = [number, number, number];
interface Shot { name: string; space: string; position: Vec; target: Vec }

/** The camera positions: the same every time, so before and after can be compared. */
const SHOTS: Shot[] = [
  { name: 'plaza-spawn', space: 'plaza', position: [0, 3.4, 17], target: [0, 2.4, 0] },
  { name: 'townhall-back-row', space: 'townhall', position: [3.5, 3.1, 8.6], target: [0, 3.6, -12.5] },
  { name: 'townhall-stage', space: 'townhall', position: [-2.5, 2.6, -10.5], target: [1, 1.2, 6] },
  { name: 'hall', space: 'hall-1', position: [-11, 2.7, 3], target: [4, 1.4, -1] },
  { name: 'crowd-50', space: 'plaza', position: [0, 11, 26], target: [0, 0.5, 2] },
];
const SIZES = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 720 } } },
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 } },
] as const;

async function startServer(dataDir: string): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', VOICE: 'off', CLIENT_DIR: 'dist/client-test', DATA_DIR: dataDir, MAX_CLIENTS_PER_SPACE: '200' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('the server did not answer /healthz within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
}

async function hook<T>(page: Page, fn: (h: HustingsTestHook, arg: unknown) => T, arg?: unknown): Promise<T> {
  const handle = await page.evaluateHandle(() => (window as unknown as { __hustings: HustingsTestHook }).__hustings);
  try {
    return await handle.evaluate(fn, arg);
  } finally {
    await handle.dispose();
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function take(browser: Browser, size: typeof SIZES[number], shot: Shot, graphics: string): Promise<void> {
  const context = await browser.newContext(size.options);
  const page = await context.newPage();
  await page.addInitScript((c) => localStorage.setItem('hustings:graphics', c), graphics);
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
  try {
    await page.goto(`http://127.0.0.1:${PORT}/s/${shot.space}`);
    await page.getByLabel('Display name').fill(`Camera ${size.name}`);
    await page.getByLabel('Display name').press('Enter');
    await waitFor(() => hook(page, (h) => h.ready), 'the world to be ready');
    // With a crowd the people list grows over the view (on a phone, over the town hall): fold it.
    if (shot.name.startsWith('crowd')) {
      await page.getByRole('button', { name: 'Hide people' }).click();
    }
    await hook(page, (h, a) => { const [p, t] = a as [Vec, Vec]; h.pinCamera(p, t); }, [shot.position, shot.target]);
    // Let exhibits, signs (fonts) and remote avatars arrive and draw: 12 frames and 4 s after the pin.
    const from = await hook(page, (h) => h.renderInfo().frame);
    const settled = Date.now() + 4000;
    await waitFor(async () => (await hook(page, (h) => h.renderInfo().frame)) > from + 12 && Date.now() > settled, 'frames after the pin', 300);
    const file = path.join(OUT, `${shot.name}-${size.name}.png`);
    await page.screenshot({ path: file });
    const info = await hook(page, (h) => h.renderInfo());
    console.log(`${file}: ${info.calls} draw calls, ${info.triangles} triangles (graphics ${graphics})`);
    // Leave on purpose, so the next shot's people list and view have no one 'reconnecting' in them.
    await page.getByRole('button', { name: 'Leave', exact: true }).click();
    await waitFor(async () => !(await hook(page, (h) => h.status === 'connected').catch(() => false)), 'leaving', 30);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync('dist/client-test/index.html')) throw new Error('build the test client first: npm run build:test');
  fs.mkdirSync(OUT, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-screens-'));
  const stop = await startServer(dataDir);
  const browser = await launchSoftwareChromium();
  const bots: Bot[] = [];
  try {
    const graphics = process.env.BENCH_GRAPHICS ?? 'high';
    for (const shot of SHOTS) {
      if (ONLY && !shot.name.startsWith(ONLY)) continue;
      if (shot.name.startsWith('crowd') && bots.length === 0) {
        const layout = getSpace(shot.space)!;
        for (let i = 0; i < CROWD; i++) {
          const bot = new Bot(`ws://127.0.0.1:${PORT}`, layout, `Visitor ${i + 1}`, mulberry32(1000 + i));
          await bot.join();
          bots.push(bot);
        }
        const end = Date.now() + 8000;
        while (Date.now() < end) {
          const now = Date.now();
          for (const bot of bots) bot.step(now);
          await new Promise((r) => setTimeout(r, 50));
        }
        for (const bot of bots) {
          const me = bot.room?.state.avatars?.get(bot.room.sessionId);
          bot.room?.send('input', { forward: 0, strafe: 0, run: false, yaw: me?.yaw ?? 0, seq: 2 ** 30 });
        }
      }
      for (const size of SIZES) await take(browser, size, shot, size.name === 'phone' ? 'low' : graphics);
    }
  } finally {
    await Promise.all(bots.map((b) => b.leave()));
    await browser.close();
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
