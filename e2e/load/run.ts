/**
 * npm run load -- --space plaza --clients N --seconds S [--url ws://host:port] [--ramp 30]
 *
 * Starts its own server on a free port (unless --url is given), joins N walking bots, measures
 * for S seconds and prints, as its last line, one JSON object with the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { SpaceId, SpaceLayout } from '../../shared/spaces/layout.js';
import { Bot } from './bot.js';
import { delta, histogramQuantile, scrape } from './metrics.js';

const { values } = parseArgs({
  options: {
    space: { type: 'string', default: 'plaza' },
    clients: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    url: { type: 'string' },
    ramp: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
  },
});

const clients = positiveInt('clients', values.clients);
const seconds = positiveInt('seconds', values.seconds);
const ramp = positiveInt('ramp', values.ramp);
if (!SpaceId.safeParse(values.space).success) fail(`--space: "${values.space}" is not a space id`);

function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number above 0 (got "${v}")`);
  return n;
}
function fail(message: string): never {
  console.error(`load: ${message}`);
  process.exit(2);
}
const say = (message: string) => console.error(`[load] ${message}`);

/** Deterministic PRNG (mulberry32) so runs walk the same paths. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', MAX_CLIENTS_PER_SPACE: String(Math.max(clients + 10, 500)), DATA_DIR: 'data/load' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const http = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) fail(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${http}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) fail('the server did not answer /healthz within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `ws://127.0.0.1:${port}`, child };
}

const server = values.url ? { url: values.url, child: undefined } : await startServer();
const httpUrl = server.url.replace(/^ws/, 'http');
// Bots walk the layout the server actually has (spaces live in its database).
const layoutResponse = await fetch(`${httpUrl}/api/spaces/${values.space}`);
if (!layoutResponse.ok) fail(`--space: the server has no space "${values.space}" (${layoutResponse.status})`);
const layout = SpaceLayout.parse(((await layoutResponse.json()) as { space: unknown }).space);
const random = mulberry32(Number(values.seed));
const bots: Bot[] = [];
let joinErrors = 0;

try {
  say(`joining ${clients} bots to ${layout.id} at ${ramp}/s on ${server.url}`);
  const joins: Promise<void>[] = [];
  for (let i = 0; i < clients; i++) {
    const bot = new Bot(server.url, layout, `bot-${i + 1}`, random);
    bots.push(bot);
    joins.push(bot.join().catch((err: unknown) => {
      joinErrors++;
      say(`bot ${i + 1} could not join: ${err instanceof Error ? err.message : String(err)}`);
    }));
    await new Promise((r) => setTimeout(r, 1000 / ramp));
  }
  await Promise.all(joins);

  const driver = setInterval(() => {
    const now = Date.now();
    for (const bot of bots) bot.step(now);
  }, 50);

  await new Promise((r) => setTimeout(r, 2000)); // settle: everyone walking
  const before = await scrape(httpUrl);
  const bytesBefore = bots.map((b) => b.bytesReceived);
  const t0 = performance.now();
  say(`measuring for ${seconds} s`);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await scrape(httpUrl);
  const wall = (performance.now() - t0) / 1000;
  clearInterval(driver);

  const connected = bots.filter((b) => b.room && !b.disconnected).length;
  const received = bots.reduce((sum, b, i) => sum + (b.bytesReceived - bytesBefore[i]!), 0);
  const result = {
    clients,
    connected,
    disconnects: bots.filter((b) => b.disconnected).length,
    errors: joinErrors + bots.reduce((s, b) => s + b.errors, 0),
    tickP50Ms: round(histogramQuantile('hustings_tick_duration_seconds', 0.5, before, after) * 1000, 3),
    tickP99Ms: round(histogramQuantile('hustings_tick_duration_seconds', 0.99, before, after) * 1000, 3),
    downKBpsPerClient: round(received / Math.max(1, connected) / wall / 1024, 2),
    serverRssMB: round((after.get('process_resident_memory_bytes') ?? 0) / 1024 / 1024, 1),
    serverCpuPct: round((delta('process_cpu_seconds_total', before, after) / wall) * 100, 1),
  };
  await Promise.all(bots.map((b) => b.leave()));
  console.log(JSON.stringify(result));
} finally {
  server.child?.kill('SIGTERM');
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
