import { monitorEventLoopDelay } from 'node:perf_hooks';
import { callApi, requestGuestSession } from '../../shared/protocol/apiClient.js';
import { received, townHallFigures, type HallWindow } from './hallFigures.js';
import { HallStaff } from './hallStaff.js';
import { HallVisitor, type VisitorHabits } from './hallVisitor.js';
import { scrape, type Scrape } from './metrics.js';
import { mulberry32 } from './random.js';
import { round, sleep, tally } from './stats.js';

export interface TownHallOptions {
  url: string;
  spaceId: string;
  clients: number;
  seconds: number;
  ramp: number;
  seed: number;
  staff: { email: string; password: string };
  /** End the event afterwards if this run started it (on a server we did not start). */
  endEvent: boolean;
  habits: VisitorHabits;
  moderateEverySeconds: number;
  say: (message: string) => void;
}

/** The most questions the moderator decides in one pass, and the time between two decisions (clicks). */
const DECISIONS_PER_PASS = 40;
const DECISION_GAP_MS = 100;
/** No new question goes on the stage screen this close to the end, so every answer is measured. */
const LAST_ANSWER_BEFORE_END_MS = 3000;
const SETTLE_MS = 2000;
/** After the window, the last reactions still reach everyone (the server flushes every 250 ms). */
const REACTION_GRACE_MS = 600;
/** The loader's own event-loop delay is sampled this often; reported without this interval. */
const LOOP_RESOLUTION_MS = 5;
const SCRAPE_EVERY_MS = 5000;

/**
 * The town hall scenario: a staff bot runs a live event; N visitors sit, ask, upvote, react and
 * raise hands. Returns the figures (printed by the caller).
 */
export async function runTownHall(o: TownHallOptions): Promise<Record<string, unknown>> {
  const http = o.url.replace(/^ws/, 'http');
  const { say } = o;
  const { space } = await callApi('getSpace', { baseUrl: http, params: { id: o.spaceId } });
  if (!space.stage) throw new Error(`the space "${o.spaceId}" has no stage (it is not a town hall)`);
  if (o.clients > space.seats.length) throw new Error(`--clients: ${o.spaceId} has ${space.seats.length} seats, fewer than ${o.clients} bots`);

  const staff = new HallStaff('staff');
  const visitors: HallVisitor[] = [];
  const driver = setInterval(() => {
    const now = performance.now();
    for (const v of visitors) v.step(now);
    staff.step(now);
  }, 50);
  try {
    const { token } = await callApi('login', { baseUrl: http, body: { email: o.staff.email, password: o.staff.password } });
    await staff.join(o.url, o.spaceId, token);
    say(`staff ${o.staff.email}: ${await staff.ensureLive(http, token, o.spaceId)}`);
    const joinErrors = await joinVisitors(o, http, visitors);
    await sleep(SETTLE_MS);
    const figures = await measure(o, http, staff, visitors);
    const result = townHallFigures({ ...figures, clients: o.clients, joinErrors }, staff, visitors);
    if (o.endEvent && staff.startedEvent) {
      await staff.endEvent();
      say('ended the event this run started');
    }
    return result;
  } finally {
    clearInterval(driver);
    await Promise.all([staff, ...visitors].map((p) => p.leave()));
  }
}

/** Joins the visitors at the ramp rate, each taking seat i; returns the join errors by message. */
async function joinVisitors(o: TownHallOptions, http: string, visitors: HallVisitor[]): Promise<Map<string, number>> {
  const errors = new Map<string, number>();
  o.say(`joining ${o.clients} visitors to ${o.spaceId} at ${o.ramp}/s, each sitting in its own seat`);
  const joins: Promise<void>[] = [];
  for (let i = 0; i < o.clients; i++) {
    const visitor = new HallVisitor(`bot-${i + 1}`, i, mulberry32(o.seed * 100_003 + i), o.habits);
    visitors.push(visitor);
    joins.push((async () => {
      const session = await requestGuestSession(http, visitor.name);
      await visitor.join(o.url, o.spaceId, session.token);
      visitor.sit();
    })().catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      tally(errors, message);
      o.say(`${visitor.name} could not join: ${message}`);
    }));
    await sleep(1000 / o.ramp);
  }
  await Promise.all(joins);
  return errors;
}

/** The measured window: the visitors' habits and the moderator run; counters read at both ends. */
async function measure(o: TownHallOptions, http: string, staff: HallStaff, visitors: HallVisitor[]): Promise<Omit<HallWindow, 'clients' | 'joinErrors'>> {
  const seated = visitors.filter((v) => v.sat).length;
  const before = await scrape(http);
  const visitorsBefore = visitors.map(received);
  const staffBefore = received(staff);
  const burstsBefore = staff.reactionBursts;
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();
  const heapBefore = settledHeap();
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  const windowMs = o.seconds * 1000;
  o.say(`measuring for ${o.seconds} s (${seated}/${o.clients} seated)`);
  for (const v of visitors) v.start(t0, windowMs);
  staff.startModerating({
    t0, everyMs: o.moderateEverySeconds * 1000, gapMs: DECISION_GAP_MS, maxDecisions: DECISIONS_PER_PASS,
    lastAnswerAt: t0 + windowMs - LAST_ANSWER_BEFORE_END_MS, random: mulberry32(o.seed + 7),
  });
  const peaks = { rss: 0, loopP99: 0, loopMax: 0 };
  const notePeaks = (s: Scrape) => {
    peaks.rss = Math.max(peaks.rss, s.get('process_resident_memory_bytes') ?? 0);
    peaks.loopP99 = Math.max(peaks.loopP99, s.get('nodejs_eventloop_lag_p99_seconds') ?? 0);
    peaks.loopMax = Math.max(peaks.loopMax, s.get('nodejs_eventloop_lag_max_seconds') ?? 0);
  };
  const sampler = setInterval(() => void scrape(http).then(notePeaks, () => undefined), SCRAPE_EVERY_MS);

  await sleep(windowMs);
  const after = await scrape(http);
  const wall = (performance.now() - t0) / 1000;
  const visitorsAfter = visitors.map(received);
  const staffAfter = received(staff);
  const bursts = staff.reactionBursts - burstsBefore;
  notePeaks(after);
  clearInterval(sampler);
  staff.stopModerating();
  for (const v of visitors) v.stop();
  loopDelay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfter = settledHeap();
  await sleep(REACTION_GRACE_MS);
  return {
    seated, wall, before, after, peaks, visitorsBefore, visitorsAfter, staffBefore, staffAfter, bursts,
    reactionsCounted: staff.reactionsCounted - staffBefore.reactions,
    loader: {
      cpuPct: round(((cpu.user + cpu.system) / 1e6 / wall) * 100, 1),
      loopP99Ms: round(Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS), 1),
      loopMaxMs: round(Math.max(0, loopDelay.max / 1e6 - LOOP_RESOLUTION_MS), 1),
      heapMB: [round(heapBefore / 1048576, 1), round(heapAfter / 1048576, 1)],
    },
  };
}

/** The loader's heap in use (after a full collection when node runs with --expose-gc). */
function settledHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}
