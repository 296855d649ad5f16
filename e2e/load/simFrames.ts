/**
 * The browser half of `npm run bench:sim`: what a digital twin costs the hall's frame rate.
 *
 * Starts the real server (a fresh data directory, the test build of the client), publishes one
 * congestion-charge twin in a hall through the room (as the editor does), and in headless
 * Chromium (SwiftShader, no GPU) samples frame times standing in front of it, in one run:
 *  - the hall with nothing published (no twin, no worker);
 *  - the twin settled, its cars animating (the worker answers a frame every 180 ms);
 *  - a visitor steering: a new scenario computed each second;
 *  - the worst case: the worker computing new scenarios back to back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { Client } from 'colyseus.js';
import type { HustingsTestHook } from '../../client/testHookTypes.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { launchSoftwareChromium, pinGraphics, sampleFrames } from './browser.js';
import { operate, paced } from './editOps.js';
import { createAdmin, startServer, stopServer } from './server.js';
import { quantile, round } from './stats.js';

declare global {
  interface Window { __hustings?: HustingsTestHook }
}

const SPACE = 'hall-1';

export interface FrameFigures { p50: number; p95: number; fps: number; frames: number }
export interface SimFrameReport {
  emptyHall: FrameFigures;
  twinAnimating: FrameFigures;
  steeringEverySecond: FrameFigures & { scenariosComputed: number };
  twinComputing: FrameFigures & { scenariosComputed: number };
  scenarioMsInWorker: { p50: number; max: number };
}

function figures(deltas: number[]): FrameFigures {
  const mean = deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length);
  return { p50: round(quantile(deltas, 0.5), 1), p95: round(quantile(deltas, 0.95), 1), fps: round(1000 / mean, 1), frames: deltas.length };
}

/** A new visitor (a fresh context) standing where visitors arrive, with `twins` twins settled and drawn. */
async function standInHall(browser: Browser, base: string, twins: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
  const page = await context.newPage();
  await pinGraphics(page);
  await page.goto(`${base}/s/${SPACE}`);
  await page.getByLabel('Display name').fill('Bench visitor');
  await page.getByLabel('Display name').press('Enter');
  await page.waitForFunction(async (n) => {
    const h = window.__hustings;
    if (h?.ready !== true) return false;
    const shown = await h.twins();
    return shown.length === n && shown.every((t) => t.official.status === 'done' && t.frames > 2);
  }, twins, { timeout: 180_000, polling: 100 });
  await page.waitForTimeout(2000);
  return page;
}

export async function simFrameFigures(seconds: number): Promise<SimFrameReport> {
  if (!fs.existsSync('dist/client-test/index.html')) throw new Error('build the test client first: npm run build:test');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-bench-sim-'));
  process.env.CLIENT_DIR = 'dist/client-test';
  // The hall must start empty: the example exhibition (seeded on a first start since issue 21) has a twin of its own.
  process.env.EXAMPLE_EXHIBITION = 'off';
  const admin = { email: 'bench@example.org', password: 'a long bench password', name: 'Bench Curator' };
  await createAdmin(dataDir, admin);
  const server = await startServer(dataDir, 50);
  const http = server.url.replace(/^ws/, 'http');
  const browser = await launchSoftwareChromium();
  try {
    const first = await standInHall(browser, http, 0);
    const emptyHall = figures(await sampleFrames(first, seconds));
    await first.context().close();

    // One twin, 3 m in front of where visitors arrive, facing them.
    const { token } = await callApi('login', { baseUrl: http, body: { email: admin.email, password: admin.password } });
    const curator = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: SPACE, token });
    curator.onMessage(ServerMessage.EditHistory, () => undefined);
    await operate(curator, ClientMessage.EditMode, { on: true });
    const self = curator.state.avatars.get(curator.sessionId)!;
    const ack = await paced(curator, ClientMessage.ExhibitCreate, {
      kind: 'twin', transform: { x: self.x - Math.sin(self.yaw) * 4, y: 0, z: self.z - Math.cos(self.yaw) * 4, rx: 0, ry: self.yaw, rz: 0, scale: 1 },
    });
    await paced(curator, ClientMessage.ExhibitUpdate, { id: ack.id, text: { title: 'Congestion charge' }, content: { kind: 'twin', model: 'congestion-charge', params: {}, seed: 1 } });
    await callApi('publish', { baseUrl: http, token, params: { id: SPACE }, body: { note: 'bench' } });
    await curator.leave();

    const page = await standInHall(browser, http, 1);
    const twinAnimating = figures(await sampleFrames(page, seconds));

    // A visitor steering: a new scenario (a new seed) every second, then back to back (the worst
    // case: the worker never idle), while frames are sampled.
    const steer = (everyMs: number) => page.evaluate<number[]>(`(async () => {
      const times = [];
      const end = performance.now() + ${seconds} * 1000;
      for (let seed = 1000 + Math.floor(Math.random() * 1e6); performance.now() < end; seed++) {
        const t = performance.now();
        await window.__hustings.simulate('congestion-charge', { charge: 8 }, seed);
        times.push(performance.now() - t);
        const rest = ${everyMs} - (performance.now() - t);
        if (rest > 0) await new Promise((r) => setTimeout(r, rest));
      }
      return times;
    })()`);
    const everySecond = steer(1000);
    const pacedFrames = await sampleFrames(page, seconds);
    const pacedTimes = await everySecond;
    const flatOut = steer(0);
    const computingFrames = await sampleFrames(page, seconds);
    const times = await flatOut;
    const all = [...pacedTimes, ...times];
    return {
      emptyHall,
      twinAnimating,
      steeringEverySecond: { ...figures(pacedFrames), scenariosComputed: pacedTimes.length },
      twinComputing: { ...figures(computingFrames), scenariosComputed: times.length },
      scenarioMsInWorker: { p50: round(quantile(all, 0.5), 0), max: round(Math.max(...all), 0) },
    };
  } finally {
    await browser.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
