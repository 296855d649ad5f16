/**
 * `npm run bench:firstload`: what a first-time visitor downloads before the first frame, and how
 * long that takes on a cold load (a fresh browser context: no cache, no stored session).
 *
 * Starts the real server (the test build of the client, whose only difference is a 4 kB test-hook
 * chunk that is left out of the figures; it tells when the first frame is drawn), opens /s/plaza
 * in headless Chromium (SwiftShader), types a name and enters, and records every response until
 * the world has drawn its first frame. JavaScript is reported raw and gzipped (gzip -9 of the
 * same bytes, as a compressing proxy would send them), split into what was loaded and what the
 * build has but this visitor never asked for (VR, voice until it starts, the editor, other
 * pages). Time to first frame is navigation start to the first world frame, median of runs.
 * Options: --runs N (3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchSoftwareChromium, pinGraphics } from './browser.js';
import { printReport } from './report.js';
import { startServer, stopServer } from './server.js';
import { quantile, round } from './stats.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 3);
const CLIENT = 'dist/client-test';

const gz = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 9 }).length;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(CLIENT, 'index.html'))) throw new Error('build the test client first: npm run build:test');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-bench-firstload-'));
  process.env.CLIENT_DIR = CLIENT;
  const server = await startServer(dataDir, 50);
  const http = server.url.replace(/^ws/, 'http');
  const browser = await launchSoftwareChromium();
  try {
    const firstFrame: number[] = [];
    let loadedJs = new Set<string>();
    let graphics = '';
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      graphics = await pinGraphics(page);
      const js = new Set<string>();
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (url.pathname.endsWith('.js')) js.add(url.pathname);
      });
      const started = Date.now();
      await page.goto(`${http}/s/plaza`);
      await page.getByLabel('Display name').fill(`Cold visitor ${run}`);
      await page.getByLabel('Display name').press('Enter');
      await page.waitForFunction(() => (window as unknown as { __hustings?: { ready: boolean } }).__hustings?.ready === true, undefined, { timeout: 120_000, polling: 50 });
      firstFrame.push(Date.now() - started);
      if (run === 0) loadedJs = new Set(js);
      await context.close();
    }
    const assets = path.join(CLIENT, 'assets');
    const all = fs.readdirSync(assets).filter((f) => f.endsWith('.js') && !f.startsWith('testHook'));
    const sizes = (files: string[]) => files.reduce((acc, f) => {
      const bytes = fs.readFileSync(path.join(assets, f));
      return { raw: acc.raw + bytes.length, gzip: acc.gzip + gz(bytes) };
    }, { raw: 0, gzip: 0 });
    const loaded = all.filter((f) => loadedJs.has(`/assets/${f}`));
    const notLoaded = all.filter((f) => !loadedJs.has(`/assets/${f}`));
    const l = sizes(loaded);
    const n = sizes(notLoaded);
    printReport({
      jsBeforeFirstFrameKB: { raw: round(l.raw / 1024, 1), gzip: round(l.gzip / 1024, 1), files: loaded.length },
      jsNotLoadedKB: { raw: round(n.raw / 1024, 1), gzip: round(n.gzip / 1024, 1), files: notLoaded.join(', ') },
      timeToFirstFrameMs: { p50: round(quantile(firstFrame, 0.5), 0), max: Math.max(...firstFrame), runs: RUNS },
      machine: `${os.cpus().length} cores, headless Chromium on SwiftShader (no GPU), 1280x720, loopback, graphics ${graphics} (BENCH_GRAPHICS)`,
    });
    console.log(JSON.stringify({ bench: 'firstload', loaded, notLoaded, l, n, firstFrame }));
  } finally {
    await browser.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
