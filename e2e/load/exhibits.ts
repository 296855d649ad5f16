/**
 * `npm run bench:exhibits`: what an exhibition of 200 exhibits costs a visitor.
 *
 * Starts the real server (a fresh data directory, the test build of the client), measures the
 * empty hall in the browser, has a curator upload an image and a model and add 200 exhibits of
 * every kind through the room (as the editor does), publishes them, and measures:
 *  - server side: joining the hall and loading its published exhibits (GET /api/spaces/hall-1/exhibits);
 *  - in headless Chromium (SwiftShader, no GPU): time from navigation to the first frame with
 *    every exhibit placed, and frame times standing in the hall, compared in the same run with
 *    the empty hall.
 * Prints a table and a JSON line. Options: --exhibits N (200), --seconds S of frame sampling (6).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'colyseus.js';
import type { Exhibit, ExhibitContent } from '../../shared/exhibits/exhibit.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { makeGlb, makePng } from '../../server/testing/files.js';
import type { HustingsTestHook } from '../../client/testHookTypes.js';
import { launchSoftwareChromium, pinGraphics, sampleFrames } from './browser.js';
import { operate, paced } from './editOps.js';
import { createAdmin, startServer, stopServer } from './server.js';
import { printReport } from './report.js';
import { quantile, round, waitFor } from './stats.js';

declare global {
  interface Window { __hustings?: HustingsTestHook }
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('exhibits', 200);
const SECONDS = arg('seconds', 6);
const SPACE = 'hall-1';

async function upload(http: string, token: string, kind: 'image' | 'model', body: Buffer, name: string) {
  const res = await fetch(`${http}/api/assets?kind=${kind}&name=${encodeURIComponent(name)}`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(body),
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  const asset = (await res.json()) as { sha256: string; type: 'image/png' | 'model/gltf-binary' };
  // An exhibit refers to a file by its hash and type only.
  return { sha256: asset.sha256, type: asset.type };
}

/** 200 exhibits on a grid filling the hall's floor, every kind represented. */
function plan(i: number, image: Awaited<ReturnType<typeof upload>>, model: Awaited<ReturnType<typeof upload>>): { kind: Exhibit['content']['kind']; x: number; z: number; content: ExhibitContent; alt: string } {
  const cols = 10;
  const x = -10 + (i % cols) * 2.2;
  const z = -14.5 + Math.floor(i / cols) * 1.5;
  const kinds = ['panel', 'panel', 'image', 'chart', 'model', 'panel', 'image', 'chart', 'portal', 'panel'] as const;
  const kind = kinds[i % kinds.length]!;
  switch (kind) {
    case 'panel': return { kind, x, z, alt: '', content: { kind, summary: `Proposal ${i}: what it changes, in one paragraph a visitor can read standing.`, body: `## Why\nBecause ${i}.\n\n- one\n- two`, sponsor: 'Bench Council' } };
    case 'image': return { kind, x, z, alt: `A test pattern, number ${i}`, content: { kind, image } };
    case 'model': return { kind, x, z, alt: `A box, number ${i}`, content: { kind, model } };
    case 'chart': return { kind, x, z, alt: `Figures ${i}`, content: { kind, chart: i % 2 ? 'bar' : 'line', unit: '£m', series: ['2025', '2026'], rows: Array.from({ length: 6 }, (_, r) => ({ label: `R${r}`, values: [r + 1, (r * 7) % 5 + 1] })) } };
    case 'portal': return { kind, x, z, alt: '', content: { kind, to: 'plaza' } };
  }
}

async function browserFigures(base: string, expected: number): Promise<{ firstFrameMs: number; frameP50: number; frameP95: number; fps: number; drawCalls: number; triangles: number }> {
  const browser = await launchSoftwareChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await pinGraphics(page);
    const started = Date.now();
    await page.goto(`${base}/s/${SPACE}`);
    await page.getByLabel('Display name').fill('Bench visitor');
    await page.getByLabel('Display name').press('Enter');
    await page.waitForFunction((n) => {
      const h = window.__hustings;
      return h?.ready === true && h.exhibits().length === n && h.renderInfo().frame > 2;
    }, expected, { timeout: 120_000, polling: 50 });
    const firstFrameMs = Date.now() - started;
    // Let lazy textures and models near the spawn load, then sample frames standing still.
    await page.waitForTimeout(3000);
    const frames = await sampleFrames(page, SECONDS);
    const info = await page.evaluate(() => window.__hustings!.renderInfo());
    const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
    return { firstFrameMs, frameP50: round(quantile(frames, 0.5), 1), frameP95: round(quantile(frames, 0.95), 1), fps: round(1000 / mean, 1), drawCalls: info.calls, triangles: info.triangles };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync('dist/client-test/index.html')) throw new Error('build the test client first: npm run build:test');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-bench-exhibits-'));
  process.env.CLIENT_DIR = 'dist/client-test';
  const admin = { email: 'bench@example.org', password: 'a long bench password', name: 'Bench Curator' };
  await createAdmin(dataDir, admin);
  const server = await startServer(dataDir, 500);
  const http = server.url.replace(/^ws/, 'http');
  try {
    const { token } = await callApi('login', { baseUrl: http, body: { email: admin.email, password: admin.password } });
    const image = await upload(http, token, 'image', makePng(256, 192), 'pattern.png');
    const model = await upload(http, token, 'model', makeGlb(), 'box.glb');
    // The same hall with nothing in it first (nothing published yet), then with the exhibition.
    const empty = await browserFigures(http, 0);
    const curator = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: SPACE, token });
    curator.onMessage(ServerMessage.EditHistory, () => undefined);
    await operate(curator, ClientMessage.EditMode, { on: true });
    const building = Date.now();
    for (let i = 0; i < COUNT; i++) {
      const p = plan(i, image, model);
      const ack = await paced(curator, ClientMessage.ExhibitCreate, { kind: p.kind, transform: { x: p.x, y: 0, z: p.z, rx: 0, ry: 0, rz: 0, scale: 1 } });
      await paced(curator, ClientMessage.ExhibitUpdate, { id: ack.id, text: { title: `Exhibit ${i + 1}`, alt: p.alt }, content: p.content });
    }
    const opsPerSecond = round((COUNT * 2) / ((Date.now() - building) / 1000), 1);
    const version = await callApi('publish', { baseUrl: http, token, params: { id: SPACE }, body: { note: 'bench' } });

    // Server side: what a visitor's arrival costs (join, then the published exhibits).
    const joins: number[] = [];
    const loads: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 30; i++) {
      const guest = await callApi('guestSession', { baseUrl: http, body: { name: `Visitor ${i}` } });
      const t0 = performance.now();
      const room = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: SPACE, token: guest.token });
      await waitFor(() => room.state.avatars?.has(room.sessionId), 5000, 'the avatar');
      joins.push(performance.now() - t0);
      const t1 = performance.now();
      const res = await fetch(`${http}/api/spaces/${SPACE}/exhibits`);
      const text = await res.text();
      loads.push(performance.now() - t1);
      bytes = text.length;
      await room.leave();
    }

    const full = await browserFigures(http, COUNT);
    await curator.leave();

    printReport({
      exhibits: COUNT,
      publishedVersion: version.version,
      editOpsPerSecond: opsPerSecond,
      joinMsP50: round(quantile(joins, 0.5), 1),
      joinMsP95: round(quantile(joins, 0.95), 1),
      exhibitsGetMsP50: round(quantile(loads, 0.5), 1),
      exhibitsGetMsP95: round(quantile(loads, 0.95), 1),
      exhibitsJsonKB: round(bytes / 1024, 1),
      firstFrameWithExhibitsMs: full.firstFrameMs,
      firstFrameEmptyHallMs: empty.firstFrameMs,
      frameMsP50: { full: full.frameP50, empty: empty.frameP50, ratio: round(full.frameP50 / empty.frameP50, 2) },
      frameMsP95: { full: full.frameP95, empty: empty.frameP95, ratio: round(full.frameP95 / empty.frameP95, 2) },
      fps: { full: full.fps, empty: empty.fps },
      drawCalls: { full: full.drawCalls, empty: empty.drawCalls },
      triangles: { full: full.triangles, empty: empty.triangles },
      machine: `${os.cpus().length} cores, headless Chromium on SwiftShader (no GPU), 960x540`,
    });
    console.log(JSON.stringify({ bench: 'exhibits', exhibits: COUNT, joins: quantile(joins, 0.5), load: quantile(loads, 0.5), full, empty }));
  } finally {
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
