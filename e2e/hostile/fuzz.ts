import { SpaceLayout } from '../../shared/spaces/layout.js';
import { Bot } from '../load/bot.js';
import { deltaByLabel, histogramQuantile, scrape, type Scrape } from '../load/metrics.js';
import { mulberry32 } from '../load/random.js';
import { emptyTally, runHostile, type HostileTally } from './hostileClient.js';
import { healthy, type ServerProcess } from './serverProcess.js';

export interface FuzzOptions {
  server: ServerProcess;
  hostile: number;
  walkers: number;
  seconds: number;
  seed: number;
  spaceId?: string;
  /** Seconds of walking alone before the attack: the "before" window of tick times. */
  warmupSeconds?: number;
  say?: (message: string) => void;
}

export interface FuzzResult {
  seed: number;
  hostileClients: number;
  walkers: number;
  seconds: number;
  messagesSent: number;
  sentByKind: Record<string, number>;
  serverAlive: boolean;
  healthChecks: number;
  healthFailures: number;
  serverExit: string | null;
  walkersDropped: number;
  walkersMoved: number;
  offenderJoins: number;
  offenderJoinRefused: number;
  offenderCloseCodes: Record<string, number>;
  offenderErrorCodes: Record<string, number>;
  rejectedByReason: Record<string, number>;
  forcedDisconnectsByReason: Record<string, number>;
  rssBeforeMB: number | null;
  rssAfterMB: number | null;
  rssPeakMB: number | null;
  tickP99BeforeMs: number | null;
  tickP99DuringMs: number | null;
  tickP99Ratio: number | null;
  serverStderrBytes: number;
  serverCpuPercent: number | null;
  generatorCpuPercent: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number | undefined) => (bytes === undefined ? null : Math.round(bytes / 1e5) / 10);
const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
const toRecord = (map: Map<string, number>) => Object.fromEntries([...map].filter(([, v]) => v > 0));

/**
 * The hostile suite's fuzz run: M well-behaved bots walk a space while N offenders send what
 * the protocol forbids (hostileClient.ts), and /healthz is asked four times a second
 * throughout. Returns the figures; the caller decides what fails.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const { server } = options;
  const say = options.say ?? (() => undefined);
  const spaceId = options.spaceId ?? 'plaza';
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();

  const layoutResponse = await fetch(`${server.http}/api/spaces/${spaceId}`);
  const layout = SpaceLayout.parse(((await layoutResponse.json()) as { space: unknown }).space);
  const walkers = Array.from({ length: options.walkers }, (_, i) => new Bot(server.url, layout, `Walker ${i + 1}`, mulberry32(options.seed * 1000 + i)));
  for (const bot of walkers) await bot.join();
  const stepper = setInterval(() => { const now = Date.now(); for (const b of walkers) b.step(now); }, 50);
  say(`${walkers.length} walkers joined`);

  let healthChecks = 0;
  let healthFailures = 0;
  let rssPeak = server.rss() ?? 0;
  let monitoring = true;
  const monitor = (async () => {
    while (monitoring) {
      healthChecks++;
      if (!await healthy(server.http, 2000)) healthFailures++;
      rssPeak = Math.max(rssPeak, server.rss() ?? 0);
      await sleep(250);
    }
  })();

  await sleep((options.warmupSeconds ?? 3) * 1000);
  const rssBefore = server.rss();
  const cpuServerStart = server.cpuSeconds();
  const before0 = await scrape(server.http).catch(() => undefined);
  await sleep(Math.max(1000, (options.warmupSeconds ?? 3) * 1000));
  const before1 = await scrape(server.http).catch(() => undefined);
  const acksAtStart = walkers.map((b) => b.room?.state.avatars?.get(b.room.sessionId)?.ack ?? 0);
  const fuzzStart = Date.now();

  const tally: HostileTally = emptyTally();
  const until = Date.now() + options.seconds * 1000;
  const dead = () => server.exit() !== undefined;
  say(`${options.hostile} hostile clients for ${options.seconds} s`);
  await Promise.all(Array.from({ length: options.hostile }, (_, i) => runHostile({
    url: server.url, http: server.http, port: server.port, spaceId, name: `Hostile ${i + 1}`,
    random: mulberry32(options.seed * 7919 + i), until, tally, stop: dead, sweepReserved: i === 0, prelude: i === 1,
  }).catch((err: unknown) => { tally.sent[`client error: ${String(err).slice(0, 60)}`] = 1; })));
  const fuzzSeconds = (Date.now() - fuzzStart) / 1000;
  const during = await scrape(server.http).catch(() => undefined);
  const acksAtEnd = walkers.map((b) => b.room?.state.avatars?.get(b.room.sessionId)?.ack ?? 0);

  // A moment after the attack: still answering?
  await sleep(1000);
  monitoring = false;
  await monitor;
  const aliveAtEnd = !dead() && await healthy(server.http, 3000);
  const cpuServerEnd = server.cpuSeconds();
  const rssAfter = server.rss();
  clearInterval(stepper);
  const walkersDropped = walkers.filter((b) => b.disconnected).length;
  // A leave on a socket the server already dropped never resolves: do not wait long for it.
  await Promise.race([Promise.all(walkers.map((b) => b.leave())), sleep(3000)]);

  const quantile = (a: Scrape | undefined, b: Scrape | undefined) => (a && b ? histogramQuantile('hustings_tick_duration_seconds', 0.99, a, b) * 1000 : NaN);
  const tickBefore = quantile(before0, before1);
  const tickDuring = quantile(before1, during);
  const cpu = process.cpuUsage(cpuStart);
  const wall = (performance.now() - wallStart) / 1000;
  const exit = server.exit();
  const sent = Object.values(tally.sent).reduce((s, n) => s + n, 0);
  return {
    seed: options.seed,
    hostileClients: options.hostile,
    walkers: options.walkers,
    seconds: round(fuzzSeconds, 1) ?? options.seconds,
    messagesSent: sent,
    sentByKind: tally.sent,
    serverAlive: aliveAtEnd && healthFailures === 0,
    healthChecks,
    healthFailures,
    serverExit: exit ? `code ${exit.code} signal ${exit.signal}` : null,
    walkersDropped,
    walkersMoved: acksAtEnd.filter((ack, i) => ack > acksAtStart[i]!).length,
    offenderJoins: tally.joins,
    offenderJoinRefused: tally.joinRefused,
    offenderCloseCodes: tally.closeCodes,
    offenderErrorCodes: tally.errorCodes,
    rejectedByReason: before1 && during ? toRecord(deltaByLabel('hustings_messages_rejected_total', 'reason', before1, during)) : {},
    forcedDisconnectsByReason: before1 && during ? toRecord(deltaByLabel('hustings_forced_disconnects_total', 'reason', before1, during)) : {},
    rssBeforeMB: mb(rssBefore),
    rssAfterMB: mb(rssAfter),
    rssPeakMB: mb(rssPeak),
    tickP99BeforeMs: round(tickBefore),
    tickP99DuringMs: round(tickDuring),
    tickP99Ratio: round(tickDuring / tickBefore),
    serverStderrBytes: server.stderrBytes(),
    serverCpuPercent: cpuServerStart !== undefined && cpuServerEnd !== undefined ? round(((cpuServerEnd - cpuServerStart) / (fuzzSeconds + 1 + (options.warmupSeconds ?? 3))) * 100, 1) : null,
    generatorCpuPercent: round(((cpu.user + cpu.system) / 1e6 / wall) * 100, 1) ?? 0,
  };
}
