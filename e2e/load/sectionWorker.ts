/**
 * One bot process of the sections scenario (forked by sections.ts): joins its share of the
 * visitors through every server process in turn, seats them, drives them every 50 ms, and answers
 * the parent's phases over IPC with its figures: what its visitors saw of the moderator's actions
 * and when, its CPU and its event-loop lag (a starved generator must not pass as a slow server).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { requestGuestSession } from '../../shared/protocol/apiClient.js';
import { tallyFanout } from './fanout.js';
import { mulberry32 } from './random.js';
import type { FromSectionWorker, SectionSeen, SectionWorkerReport, ToSectionWorker } from './sectionProtocol.js';
import { SectionVisitor } from './sectionVisitor.js';
import { sleep, sortedCounts, tally } from './stats.js';

const LOOP_RESOLUTION_MS = 10;
const JOIN_TRIES = 3;
const visitors: SectionVisitor[] = [];
const joinErrors = new Map<string, number>();
/** Seats this process's bots asked for, per room. */
const claims = new Map<string, Set<number>>();
let joinRetries = 0;
let seats = 0;
let driver: ReturnType<typeof setInterval> | undefined;
let lag = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
let mark = { cpu: process.cpuUsage(), at: performance.now() };
let window: Pick<SectionWorkerReport, 'cpuPct' | 'lagP50Ms' | 'lagP99Ms' | 'lagMaxMs'> | undefined;

function reply(message: FromSectionWorker): void {
  process.send?.(message);
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function joinOne(v: SectionVisitor, url: string, spaceId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { token } = await requestGuestSession(url.replace(/^ws/, 'http'), v.name);
      await v.join(url, spaceId, token);
      if (attempt > 1) joinRetries++;
      return;
    } catch (err) {
      await v.leave();
      v.room = undefined;
      if (attempt >= JOIN_TRIES) throw err;
      await sleep(500 * attempt);
    }
  }
}

/** Every 50 ms: seat whoever is not seated yet (or lost a seat to another bot), then each visitor's habits. */
function step(): void {
  const now = performance.now();
  for (const v of visitors) {
    if (!v.room || v.disconnected || v.section === 0) continue;
    if (v.seat === -1 || v.retrySeat) {
      const claimed = claims.get(v.room.roomId) ?? new Set<number>();
      claims.set(v.room.roomId, claimed);
      if (v.retrySeat) claimed.delete(v.seat);
      if (!v.sitSomewhere(seats, claimed)) {
        // No free seat, or every try lost to another bot: it stands for the run.
        v.seat = -2;
        v.retrySeat = false;
      }
    }
    v.step(now);
  }
}

async function start(o: Extract<ToSectionWorker, { kind: 'start' }>): Promise<void> {
  seats = o.seats;
  driver = setInterval(step, 50);
  const joins: Promise<void>[] = [];
  for (const n of o.numbers) {
    const v = new SectionVisitor(`bot-${n}`, mulberry32(o.seed * 100_003 + n), o.habits);
    visitors.push(v);
    joins.push(joinOne(v, o.urls[(n - 1) % o.urls.length]!, o.spaceId).catch((err: unknown) => {
      tally(joinErrors, messageOf(err));
      reply({ kind: 'say', message: `${v.name} could not join: ${messageOf(err)}` });
    }));
    await sleep(1000 / o.ramp);
  }
  await Promise.all(joins);
  reply({ kind: 'joined', joined: visitors.filter((v) => v.connected).length });
}

function go(windowMs: number): void {
  lag.disable();
  lag = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  lag.enable();
  mark = { cpu: process.cpuUsage(), at: performance.now() };
  const t0 = performance.now();
  for (const v of visitors) v.start(t0, windowMs);
  reply({ kind: 'going' });
}

function stop(): void {
  for (const v of visitors) v.stop();
  const cpu = process.cpuUsage(mark.cpu);
  const wallS = (performance.now() - mark.at) / 1000;
  const ms = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  window = {
    cpuPct: ((cpu.user + cpu.system) / 1e6 / wallS) * 100,
    lagP50Ms: ms(lag.percentile(50)), lagP99Ms: ms(lag.percentile(99)), lagMaxMs: ms(lag.max),
  };
  lag.disable();
  reply({ kind: 'stopped' });
}

function report(actions: Extract<ToSectionWorker, { kind: 'report' }>['actions']): void {
  const sections = new Map<string, SectionSeen>();
  const refusals = new Map<string, number>();
  const closeCodes = new Map<string, number>();
  for (const v of visitors) {
    for (const [k, n] of v.refusals) tally(refusals, k, n);
    if (v.disconnected) tally(closeCodes, String(v.closeCode));
    if (!v.room || v.section === 0) continue;
    const s = sections.get(v.room.roomId) ?? { roomId: v.room.roomId, section: v.section, address: v.address, bots: 0, seated: 0 };
    s.bots++;
    if (v.sat) s.seated++;
    sections.set(v.room.roomId, s);
  }
  const fanout = tallyFanout(actions, visitors.filter((v) => v.room && v.section > 0).map((v) => v.receipts()));
  const sum = (f: (v: SectionVisitor) => number) => visitors.reduce((s, v) => s + f(v), 0);
  const message: SectionWorkerReport = {
    kind: 'report',
    bots: visitors.length,
    connected: visitors.filter((v) => v.connected).length,
    disconnects: visitors.filter((v) => v.disconnected).length,
    closeCodes: sortedCounts(closeCodes),
    joinErrors: sortedCounts(joinErrors),
    joinRetries,
    refusals: sortedCounts(refusals),
    sections: [...sections.values()],
    asks: sum((v) => v.asksSent), votes: sum((v) => v.votesSent), reactions: sum((v) => v.reactionsSent), hands: sum((v) => v.handsRaised),
    fanout,
    ...(window ?? { cpuPct: Number.NaN, lagP50Ms: Number.NaN, lagP99Ms: Number.NaN, lagMaxMs: Number.NaN }),
    rssMB: process.memoryUsage.rss() / 1048576,
  };
  reply(message);
}

process.on('message', (message: ToSectionWorker) => {
  try {
    if (message.kind === 'start') void start(message).catch((err: unknown) => reply({ kind: 'failed', message: messageOf(err) }));
    else if (message.kind === 'go') go(message.windowMs);
    else if (message.kind === 'stop') stop();
    else if (message.kind === 'report') report(message.actions);
    else if (message.kind === 'leave') {
      clearInterval(driver);
      void Promise.all(visitors.map((v) => v.leave())).then(() => {
        reply({ kind: 'left' });
        process.disconnect?.();
      });
    }
  } catch (err) {
    reply({ kind: 'failed', message: messageOf(err) });
  }
});
// The parent went away (Ctrl+C, a crash): leave at once rather than linger with open sockets.
process.on('disconnect', () => process.exit(0));
