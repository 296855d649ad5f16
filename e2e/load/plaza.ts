import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { Bot } from './bot.js';
import { delta, histogramQuantile, scrape } from './metrics.js';
import type { Random } from './random.js';
import { round } from './stats.js';

export interface PlazaOptions {
  url: string;
  layout: SpaceLayout;
  clients: number;
  seconds: number;
  ramp: number;
  random: Random;
  say: (message: string) => void;
}

/** The walking scenario: N bots stroll about one space; returns the figures. */
export async function runPlaza(o: PlazaOptions): Promise<Record<string, unknown>> {
  const { layout, clients, seconds, ramp, say } = o;
  const httpUrl = o.url.replace(/^ws/, 'http');
  const bots: Bot[] = [];
  let joinErrors = 0;

  say(`joining ${clients} bots to ${layout.id} at ${ramp}/s on ${o.url}`);
  const joins: Promise<void>[] = [];
  for (let i = 0; i < clients; i++) {
    const bot = new Bot(o.url, layout, `bot-${i + 1}`, o.random);
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
  return result;
}
