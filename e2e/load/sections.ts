import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { callApi } from '../../shared/protocol/apiClient.js';
import type { VisitorHabits } from './hallVisitor.js';
import { infoNumber, parseRedisInfo, processCpuSeconds, treeCpuSeconds } from './hostStats.js';
import { scrape, type Scrape } from './metrics.js';
import { mulberry32 } from './random.js';
import { SectionBots } from './sectionBots.js';
import { startSectionCluster, type SectionCluster, type Teardown } from './sectionCluster.js';
import { sectionFigures, type Reading } from './sectionFigures.js';
import { SectionStaff } from './sectionStaff.js';
import { round, sleep } from './stats.js';

export interface SectionsOptions {
  clients: number;
  seconds: number;
  ramp: number;
  seed: number;
  servers: number;
  /** Bot processes. */
  workers: number;
  botNice: number;
  /** People per section room (MAX_CLIENTS_PER_SPACE) and the most sections (MAX_SECTIONS). */
  sectionSize: number;
  maxSections: number;
  habits: VisitorHabits;
  moderateEverySeconds: number;
  floorEverySeconds: number;
  floorHoldSeconds: number;
  say: (message: string) => void;
}

const SPACE = 'townhall';
const DECISIONS_PER_PASS = 40;
const DECISION_GAP_MS = 100;
const SETTLE_MS = 3000;
/** After the window, the last actions' effects still reach everyone before the bots report. */
const GRACE_MS = 2000;
const SAMPLE_EVERY_MS = 5000;
const LOOP_RESOLUTION_MS = 5;

/**
 * The sections scenario: Redis, PostgreSQL and N server processes; a moderator in section 1; the
 * visitors in bot processes, entering through every server process, placed in sections by the
 * servers; the moderator's approvals, answers and floor turns timed to every visitor in every
 * section. Returns the figures; everything it started is in `teardown`.
 */
export async function runSections(o: SectionsOptions, teardown: Teardown): Promise<Record<string, unknown>> {
  const { say } = o;
  const cluster = await startSectionCluster({ servers: o.servers, sectionSize: o.sectionSize, maxSections: o.maxSections, say }, teardown);
  const [first] = cluster.servers;
  const { space } = await callApi('getSpace', { baseUrl: first!.http, params: { id: SPACE } });
  if (!space.stage) throw new Error(`the space "${SPACE}" has no stage`);

  const staff = new SectionStaff('staff');
  const driver = setInterval(() => staff.step(performance.now()), 50);
  teardown.add('the moderator', async () => { clearInterval(driver); await staff.leave(); });
  const { token } = await callApi('login', { baseUrl: first!.http, body: cluster.staff });
  await staff.join(first!.url, SPACE, token);
  say(`moderator: ${await staff.ensureLive(first!.http, token, SPACE)}, in section ${staff.room!.state.hall.section}`);

  const bots: SectionBots[] = [];
  teardown.add('the bot processes', async () => { await Promise.all(bots.map((b) => b.stop())); });
  for (let w = 0; w < o.workers; w++) {
    const b = new SectionBots(say);
    if (o.botNice !== 0 && b.child.pid !== undefined) os.setPriority(b.child.pid, o.botNice);
    bots.push(b);
  }
  say(`joining ${o.clients} visitors in ${o.workers} processes at ${o.ramp}/s through ${cluster.servers.map((s) => s.address).join(' and ')}`);
  // Joining takes clients / ramp seconds; a join that hangs past twice that (and two minutes) fails the run.
  const joinDeadlineMs = (2 * o.clients / o.ramp + 120) * 1000;
  const joined = await within(joinDeadlineMs, 'every visitor to join', Promise.all(bots.map((b, w) => {
    const numbers: number[] = [];
    for (let n = w + 1; n <= o.clients; n += o.workers) numbers.push(n);
    return b.ask({
      kind: 'start', urls: cluster.servers.map((s) => s.url), spaceId: SPACE, numbers, seed: o.seed, ramp: o.ramp / o.workers,
      habits: o.habits, seats: space.seats.length,
    }, 'joined');
  })));
  say(`${joined.reduce((s, j) => s + j.joined, 0)} of ${o.clients} joined; settling ${SETTLE_MS / 1000} s`);
  await sleep(SETTLE_MS);

  const windowMs = o.seconds * 1000;
  const before = await read(cluster);
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  const cpu0 = process.cpuUsage();
  await Promise.all(bots.map((b) => b.ask({ kind: 'go', windowMs }, 'going')));
  const t0 = performance.now();
  say(`measuring for ${o.seconds} s`);
  staff.startModerating({
    t0, everyMs: o.moderateEverySeconds * 1000, gapMs: DECISION_GAP_MS, maxDecisions: DECISIONS_PER_PASS,
    lastAnswerAt: t0 + windowMs - 3000, random: mulberry32(o.seed + 7),
  });
  staff.startFloor({
    t0, everyMs: o.floorEverySeconds * 1000, holdMs: o.floorHoldSeconds * 1000, seconds: 120,
    lastCallAt: t0 + windowMs - o.floorHoldSeconds * 1000 - 1000,
  });
  const peaks = new Peaks();
  const sampler = setInterval(() => void sample(cluster).then((s) => peaks.note(s), () => undefined), SAMPLE_EVERY_MS);
  try {
    await sleep(windowMs);
  } finally {
    clearInterval(sampler);
  }
  const after = await read(cluster);
  peaks.note(after);
  const wall = (performance.now() - t0) / 1000;
  staff.stopModerating();
  loop.disable();
  const loaderCpu = process.cpuUsage(cpu0);
  await Promise.all(bots.map((b) => b.ask({ kind: 'stop' }, 'stopped')));
  await sleep(GRACE_MS);
  const actions = staff.actions();
  const reports = await Promise.all(bots.map((b) => b.ask({ kind: 'report', actions }, 'report')));
  for (const b of bots) b.done = true;
  await Promise.all(bots.map((b) => b.ask({ kind: 'leave' }, 'left').catch(() => undefined)));

  return sectionFigures({
    o, wall, actions, reports, staff, before, after, peaks,
    servers: cluster.servers.map((s) => s.address),
    loader: {
      cpuPct: round(((loaderCpu.user + loaderCpu.system) / 1e6 / wall) * 100, 1),
      lagP99Ms: round(Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS), 1),
      lagMaxMs: round(Math.max(0, loop.max / 1e6 - LOOP_RESOLUTION_MS), 1),
    },
    loadAverage: os.loadavg().map((l) => round(l, 2)),
  });
}

async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)), ms); });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Highest values seen while measuring (prom-client resets its loop-lag figures at each scrape). */
export class Peaks {
  redisOps = 0;
  readonly loopP99: number[] = [];
  readonly rss: number[] = [];
  note(r: Pick<Reading, 'metrics' | 'redis'>): void {
    this.redisOps = Math.max(this.redisOps, infoNumber(r.redis, 'instantaneous_ops_per_sec') || 0);
    r.metrics.forEach((m, i) => {
      this.loopP99[i] = Math.max(this.loopP99[i] ?? 0, m.get('nodejs_eventloop_lag_p99_seconds') ?? 0);
      this.rss[i] = Math.max(this.rss[i] ?? 0, m.get('process_resident_memory_bytes') ?? 0);
    });
  }
}

async function sample(c: SectionCluster): Promise<Pick<Reading, 'metrics' | 'redis'>> {
  const [metrics, redis] = await Promise.all([Promise.all(c.servers.map((s) => scrape(s.http))), c.redis.info('stats')]);
  return { metrics, redis: parseRedisInfo(redis) };
}

/** Every counter the figures compare at both ends of the window. */
async function read(c: SectionCluster): Promise<Reading> {
  const metrics: Scrape[] = await Promise.all(c.servers.map((s) => scrape(s.http)));
  const redis = parseRedisInfo(await c.redis.info('all'));
  return {
    metrics, redis,
    serverCpu: c.servers.map((s) => processCpuSeconds(s.child.pid!)),
    postgresCpu: c.postgresPid === undefined ? Number.NaN : treeCpuSeconds(c.postgresPid),
  };
}
