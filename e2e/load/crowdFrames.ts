/**
 * `npm run bench:crowd`: what a crowd costs a visitor's browser. Headless Chromium (SwiftShader,
 * no GPU, the low graphics tier unless BENCH_GRAPHICS says otherwise) stands in the plaza while
 * the test hook walks made-up people around it (client/benchCrowd.ts: fed to the scene as
 * motion frames feed real people): frame times and draw calls with 10 people around, then with
 * 1,000, alternating --rounds times in the same page, so the ratio compares like with like on a
 * busy machine. Prints a table and a JSON line. Options: --seconds S per sample (5), --rounds R (2),
 * --few N (10), --many N (1000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HustingsTestHook } from '../../client/testHookTypes.js';
import { launchSoftwareChromium, sampleFrames } from './browser.js';
import { printReport } from './report.js';
import { startServer, stopServer } from './server.js';
import { quantile, round } from './stats.js';

declare global {
  interface Window { __hustings?: HustingsTestHook }
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 5);
const ROUNDS = arg('rounds', 2);
const FEW = arg('few', 10);
const MANY = arg('many', 1000);

async function main(): Promise<void> {
  if (!fs.existsSync('dist/client-test/index.html')) throw new Error('build the test client first: npm run build:test');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-bench-crowd-'));
  process.env.CLIENT_DIR = 'dist/client-test';
  const server = await startServer(dataDir, 500);
  const http = server.url.replace(/^ws/, 'http');
  const browser = await launchSoftwareChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    const tier = process.env.BENCH_GRAPHICS ?? 'low';
    await page.addInitScript((c) => localStorage.setItem('hustings:graphics', c), tier);
    await page.goto(`${http}/s/plaza`);
    await page.getByLabel('Display name').fill('Bench visitor');
    await page.getByLabel('Display name').press('Enter');
    await page.waitForFunction(() => window.__hustings?.ready === true && window.__hustings.renderInfo().frame > 2, undefined, { timeout: 120_000, polling: 50 });
    const samples: Record<'few' | 'many', { frames: number[]; calls: number[] }> = { few: { frames: [], calls: [] }, many: { frames: [], calls: [] } };
    for (let r = 0; r < ROUNDS; r++) {
      for (const which of ['few', 'many'] as const) {
        await page.evaluate((n) => window.__hustings!.benchCrowd(n), which === 'few' ? FEW : MANY);
        await page.waitForTimeout(1000); // the crowd's first snapshots, and the instance buffers grown
        samples[which].frames.push(...await sampleFrames(page, SECONDS));
        samples[which].calls.push((await page.evaluate(() => window.__hustings!.renderInfo())).calls);
      }
    }
    const fig = (s: { frames: number[]; calls: number[] }) => ({ p50: round(quantile(s.frames, 0.5), 1), p95: round(quantile(s.frames, 0.95), 1), calls: s.calls });
    const few = fig(samples.few);
    const many = fig(samples.many);
    const result = {
      bench: 'crowd', tier, people: { few: FEW, many: MANY }, rounds: ROUNDS,
      frameMsP50: { few: few.p50, many: many.p50, ratio: round(many.p50 / few.p50, 2) },
      frameMsP95: { few: few.p95, many: many.p95, ratio: round(many.p95 / few.p95, 2) },
      drawCalls: { few: few.calls, many: many.calls },
      machine: `${os.cpus().length} cores (load ${os.loadavg()[0]!.toFixed(1)}), headless Chromium on SwiftShader (no GPU), 960x540`,
    };
    printReport(result);
    console.log(JSON.stringify(result));
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
