import { ACTION_KINDS, allCounts, emptyTally, mergeTally, summarize, type FanoutTally, type ModeratorAction } from './fanout.js';
import { commandRates, infoNumber } from './hostStats.js';
import { delta, histogramQuantile, histogramSeries, labelValues, type Scrape } from './metrics.js';
import type { SectionSeen, SectionWorkerReport } from './sectionProtocol.js';
import type { SectionsOptions } from './sections.js';
import type { SectionStaff } from './sectionStaff.js';
import { socketAddress } from './sectionVisitor.js';
import { round, sortedCounts, tally } from './stats.js';

/** Counters read at one end of the window. */
export interface Reading {
  /** Each server process's /metrics, in server order. */
  metrics: Scrape[];
  /** Redis INFO (all sections). */
  redis: Map<string, string>;
  /** CPU seconds used so far: each server process, PostgreSQL (postmaster and backends). */
  serverCpu: number[];
  postgresCpu: number;
}

export interface SectionRun {
  o: SectionsOptions;
  wall: number;
  actions: ModeratorAction[];
  reports: SectionWorkerReport[];
  staff: SectionStaff;
  before: Reading;
  after: Reading;
  peaks: { redisOps: number; loopP99: number[]; rss: number[] };
  servers: string[];
  loader: { cpuPct: number; lagP99Ms: number; lagMaxMs: number };
  loadAverage: number[];
}

/** A bot process, or the moderator's, that lagged more than this at p99 did not measure the servers. */
export const LAG_LIMIT_MS = 100;
const TICK = 'hustings_room_tick_duration_seconds';
/** prom-client samples the event-loop delay at this resolution (reported without it). */
const SERVER_LOOP_RESOLUTION_MS = 10;

const pct = (seconds: number, wall: number) => round((seconds / wall) * 100, 1);
const ms = (seconds: number) => round(seconds * 1000, 2);

/** The sections each room is, from what the visitors and the moderator saw; bots added up over processes. */
export function sectionsSeen(reports: readonly Pick<SectionWorkerReport, 'sections'>[], staffRoom?: { roomId: string; section: number; address: string }): SectionSeen[] {
  const rooms = new Map<string, SectionSeen>();
  for (const s of reports.flatMap((r) => r.sections)) {
    const known = rooms.get(s.roomId);
    if (known) {
      known.bots += s.bots;
      known.seated += s.seated;
    } else rooms.set(s.roomId, { ...s });
  }
  if (staffRoom && !rooms.has(staffRoom.roomId)) rooms.set(staffRoom.roomId, { ...staffRoom, bots: 0, seated: 0 });
  return [...rooms.values()].sort((a, b) => a.section - b.section);
}

/** Section numbers more than one room holds, with how many rooms each. */
export function sharedNumbers(sections: readonly Pick<SectionSeen, 'section'>[]): Record<string, number> {
  const rooms = new Map<string, number>();
  for (const s of sections) tally(rooms, String(s.section));
  return Object.fromEntries([...rooms].filter(([, n]) => n > 1));
}

/** Why the run does not measure the servers (empty when it does): bots behind, bots missing, nothing measured. */
export function sectionsFellBehind(result: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const connected = Number(result.connected);
  if (connected < Number(result.clients)) problems.push(`only ${connected} of ${String(result.clients)} bots were connected at the end`);
  // A figure that is not a number (no bot process reported) fails too.
  const within = (v: unknown) => typeof v === 'number' && v <= LAG_LIMIT_MS;
  if (!within(result.botLagP99Ms)) problems.push(`the bots' event loops lagged (worst process p99 ${String(result.botLagP99Ms)} ms > ${LAG_LIMIT_MS} ms)`);
  if (!within(result.loaderLagP99Ms)) problems.push(`the moderator's process lagged (p99 ${String(result.loaderLagP99Ms)} ms > ${LAG_LIMIT_MS} ms)`);
  if (!(Number(result.fanoutSamples) > 0)) problems.push('no moderator action was seen by any visitor: no fan-out was measured');
  return problems;
}

export function sectionFigures(r: SectionRun): Record<string, unknown> {
  const { o, wall, before, after, reports, staff } = r;
  const fanout: FanoutTally = emptyTally(r.actions.length);
  for (const rep of reports) mergeTally(fanout, rep.fanout);
  const all = summarize(allCounts(fanout));
  const hall = staff.room?.state.hall;
  const staffRoom = staff.room && hall ? { roomId: staff.room.roomId, section: hall.section, address: socketAddress(staff.room) } : undefined;
  const sections = sectionsSeen(reports, staffRoom);
  const ticks = perRoomTicks(r);
  const sum = (f: (rep: SectionWorkerReport) => number) => reports.reduce((s, rep) => s + f(rep), 0);
  const counts = (f: (rep: SectionWorkerReport) => Record<string, number>) => {
    const m = new Map<string, number>();
    for (const rep of reports) for (const [k, n] of Object.entries(f(rep))) tally(m, k, n);
    return sortedCounts(m);
  };
  const redisCpu = (x: Reading) => infoNumber(x.redis, 'used_cpu_sys') + infoNumber(x.redis, 'used_cpu_user');
  const byKind = Object.fromEntries(ACTION_KINDS.map((k) => [k, { actions: r.actions.filter((a) => a.kind === k).length, ...summarize(fanout.byKind[k]) }]));
  const bySection = Object.fromEntries(Object.entries(fanout.bySection).map(([s, g]) => [s, summarize(g)]));

  return {
    scenario: 'sections',
    servers: r.servers.length,
    clients: o.clients,
    connected: sum((rep) => rep.connected),
    disconnects: sum((rep) => rep.disconnects) + (staff.disconnected ? 1 : 0),
    disconnectCloseCodes: counts((rep) => rep.closeCodes),
    joinErrors: counts((rep) => rep.joinErrors),
    joinRetries: sum((rep) => rep.joinRetries),
    sections: new Set(sections.map((s) => s.section)).size,
    sectionRooms: sections.length,
    /** Section numbers held by more than one room at once (two rooms opened as the same section). */
    sectionNumbersShared: sharedNumbers(sections),
    sectionSize: o.sectionSize,
    perSection: sections.map((s) => ({
      section: s.section, server: s.address, bots: s.bots, seated: s.seated, roomId: s.roomId, ...(ticks.get(s.roomId) ?? {}),
    })),
    fanoutP50Ms: all.p50Ms,
    fanoutP99Ms: all.p99Ms,
    fanoutMaxMs: all.maxMs,
    fanoutSamples: all.samples,
    fanoutMissed: all.missed,
    fanoutByKind: byKind,
    fanoutBySection: bySection,
    actionsSeenByNobody: fanout.seenBy.filter((n, i) => n === 0 && (fanout.expected[i] ?? 0) > 0).length,
    floorCalls: staff.floorCalls,
    floorCallsRefused: staff.floorRefusals,
    floorCallsBySection: staff.callsBySection(),
    approvals: staff.approvalsSent,
    dismissals: staff.dismissalsSent,
    answers: staff.answers.length,
    asks: sum((rep) => rep.asks),
    votes: sum((rep) => rep.votes),
    reactionsSent: sum((rep) => rep.reactions),
    handsRaised: sum((rep) => rep.hands),
    refusalsSeenByVisitors: counts((rep) => rep.refusals),
    perServer: r.servers.map((address, i) => ({
      address,
      rooms: after.metrics[i]?.get('hustings_rooms') ?? 0,
      clients: after.metrics[i]?.get('hustings_clients') ?? 0,
      tickP99Ms: ms(histogramQuantile('hustings_tick_duration_seconds', 0.99, before.metrics[i]!, after.metrics[i]!)),
      cpuPct: pct(after.serverCpu[i]! - before.serverCpu[i]!, wall),
      eventLoopDelayP99PeakMs: round(Math.max(0, (r.peaks.loopP99[i] ?? 0) * 1000 - SERVER_LOOP_RESOLUTION_MS), 1),
      rssPeakMB: round((r.peaks.rss[i] ?? 0) / 1048576, 1),
    })),
    redisOpsPerSec: round((infoNumber(after.redis, 'total_commands_processed') - infoNumber(before.redis, 'total_commands_processed')) / wall, 1),
    redisInstantaneousOpsPeak: r.peaks.redisOps,
    redisTopCommandsPerSec: commandRates(before.redis, after.redis, wall, 6),
    redisCpuPct: pct(redisCpu(after) - redisCpu(before), wall),
    postgresCpuPct: pct(after.postgresCpu - before.postgresCpu, wall),
    botProcesses: reports.length,
    botCpuPct: round(sum((rep) => rep.cpuPct), 1),
    botCpuPctPerProcess: reports.map((rep) => round(rep.cpuPct, 1)),
    botLagP99Ms: round(Math.max(...reports.map((rep) => rep.lagP99Ms)), 1),
    botLagMaxMs: round(Math.max(...reports.map((rep) => rep.lagMaxMs)), 1),
    botRssMB: round(sum((rep) => rep.rssMB), 0),
    loaderCpuPct: r.loader.cpuPct,
    loaderLagP99Ms: r.loader.lagP99Ms,
    loaderLagMaxMs: r.loader.lagMaxMs,
    habits: o.habits,
    moderateEverySeconds: o.moderateEverySeconds,
    floorEverySeconds: o.floorEverySeconds,
    floorHoldSeconds: o.floorHoldSeconds,
    windowSeconds: round(wall, 1),
    loadAverage: r.loadAverage,
  };
}

/** Each room's tick p50/p99 and ticks per second over the window, from the server process that holds it. */
function perRoomTicks(r: SectionRun): Map<string, { tickP50Ms: number; tickP99Ms: number; ticksPerSec: number }> {
  const out = new Map<string, { tickP50Ms: number; tickP99Ms: number; ticksPerSec: number }>();
  r.after.metrics.forEach((after, i) => {
    const before = r.before.metrics[i]!;
    for (const room of labelValues(TICK, 'room', after)) {
      const b = histogramSeries(TICK, 'room', room, before);
      const a = histogramSeries(TICK, 'room', room, after);
      out.set(room, {
        tickP50Ms: ms(histogramQuantile(TICK, 0.5, b, a)),
        tickP99Ms: ms(histogramQuantile(TICK, 0.99, b, a)),
        ticksPerSec: round(delta(`${TICK}_count`, b, a) / r.wall, 1),
      });
    }
  });
  return out;
}
