import os from 'node:os';
import type { HallPeer } from './hallPeer.js';
import type { HallStaff } from './hallStaff.js';
import type { HallVisitor } from './hallVisitor.js';
import { countAbove, delta, deltaByLabel, histogramQuantile, type Scrape } from './metrics.js';
import { quantile, round, sortedCounts, tally } from './stats.js';

/** prom-client's default sampling interval for nodejs_eventloop_lag_* (server/metrics.ts keeps it). */
const SERVER_LOOP_RESOLUTION_MS = 10;

/** What one connection had received at a moment. */
export interface Received { bytes: number; stateBytes: number; frames: number; reactions: number }

export function received(peer: HallPeer): Received {
  return { bytes: peer.bytesReceived, stateBytes: peer.stateBytes, frames: peer.framesReceived, reactions: peer.reactionsCounted };
}

/** Everything measured over the window, for `townHallFigures`. */
export interface HallWindow {
  clients: number;
  seated: number;
  joinErrors: Map<string, number>;
  wall: number;
  before: Scrape;
  after: Scrape;
  /** Highest values seen by the scrapes during the window (prom-client resets the event-loop figures on each). */
  peaks: { rss: number; loopP99: number; loopMax: number };
  visitorsBefore: Received[];
  visitorsAfter: Received[];
  staffBefore: Received;
  staffAfter: Received;
  /** Reaction bursts the staff bot received in the window; reactions counted including a short grace after it. */
  bursts: number;
  reactionsCounted: number;
  loader: { cpuPct: number; loopP99Ms: number; loopMaxMs: number; heapMB: [number, number] };
}

/**
 * From the moderator's 'answer' to each visitor seeing `state.hall.answering` equal that id
 * (both performance.now() in this process), over all visitors connected at the time.
 */
export function answerLatencies(staff: HallStaff, visitors: readonly HallVisitor[]) {
  const all: number[] = [];
  let missed = 0;
  const perAnswer = staff.answers.map((a) => {
    const seen: number[] = [];
    for (const v of visitors) {
      if (!v.room || v.disconnectedAt < a.sentAt) continue;
      const at = v.sawAnswering.get(a.id);
      if (at === undefined || at < a.sentAt) missed++;
      else seen.push(at - a.sentAt);
    }
    all.push(...seen);
    return {
      id: a.id.slice(0, 8), ackMs: a.ackAt === undefined ? null : round(a.ackAt - a.sentAt, 1), seenBy: seen.length,
      p50Ms: round(quantile(seen, 0.5), 1), p99Ms: round(quantile(seen, 0.99), 1), maxMs: round(Math.max(...seen), 1),
    };
  });
  const acks = staff.answers.flatMap((a) => (a.ackAt === undefined ? [] : [a.ackAt - a.sentAt]));
  return { all, missed, perAnswer, acks };
}

/** The figures the scenario prints. */
export function townHallFigures(w: HallWindow, staff: HallStaff, visitors: readonly HallVisitor[]): Record<string, unknown> {
  const { before, after, wall } = w;
  const live = visitors.filter((v) => v.connected);
  const sum = (f: (v: HallVisitor, i: number) => number) => visitors.reduce((s, v, i) => s + f(v, i), 0);
  const gained = (k: keyof Received) => sum((_v, i) => w.visitorsAfter[i]![k] - w.visitorsBefore[i]![k]);
  const perClient = (bytes: number) => round(bytes / Math.max(1, live.length) / wall / 1024, 2);
  const tick = (q: number) => round(histogramQuantile('hustings_tick_duration_seconds', q, before, after) * 1000, 3);
  const loopMs = (seconds: number) => round(Math.max(0, seconds * 1000 - SERVER_LOOP_RESOLUTION_MS), 1);
  const answers = answerLatencies(staff, visitors);
  const refusalsSeen = new Map<string, number>();
  for (const peer of [staff, ...visitors]) for (const [k, n] of peer.refusals) tally(refusalsSeen, k, n);
  const closeCodes = new Map<string, number>();
  for (const v of visitors) if (v.disconnected) tally(closeCodes, String(v.closeCode));

  return {
    scenario: 'townhall',
    clients: w.clients,
    connected: live.length,
    seated: w.seated,
    disconnects: visitors.filter((v) => v.disconnected).length + (staff.disconnected ? 1 : 0),
    disconnectCloseCodes: sortedCounts(closeCodes),
    joinErrors: sortedCounts(w.joinErrors),
    tickP50Ms: tick(0.5),
    tickP99Ms: tick(0.99),
    ticksPerSecond: round(delta('hustings_tick_duration_seconds_count', before, after) / wall, 1),
    ticksOver50Ms: countAbove('hustings_tick_duration_seconds', '0.05', before, after),
    downKBpsPerClient: perClient(gained('bytes')),
    downStateKBpsPerClient: perClient(gained('stateBytes')),
    framesPerSecondPerClient: round(gained('frames') / Math.max(1, live.length) / wall, 1),
    staffDownKBps: round((w.staffAfter.bytes - w.staffBefore.bytes) / wall / 1024, 2),
    serverSentKBpsPerConnection: round(delta('hustings_patch_bytes_total', before, after) / (live.length + 1) / wall / 1024, 2),
    refusedByReason: sortedCounts(deltaByLabel('hustings_messages_rejected_total', 'reason', before, after)),
    refusalsSeenByClients: sortedCounts(refusalsSeen),
    forcedDisconnects: sortedCounts(deltaByLabel('hustings_forced_disconnects_total', 'reason', before, after)),
    serverRssMB: round((after.get('process_resident_memory_bytes') ?? 0) / 1048576, 1),
    serverRssPeakMB: round(w.peaks.rss / 1048576, 1),
    serverCpuPct: round((delta('process_cpu_seconds_total', before, after) / wall) * 100, 1),
    // Server CPU (all its threads) over the ticks run: on a busy machine, wall-clock tick times include waiting for a core.
    serverCpuMsPerTick: round((delta('process_cpu_seconds_total', before, after) * 1000) / Math.max(1, delta('hustings_tick_duration_seconds_count', before, after)), 2),
    serverEventLoopDelayP99Ms: loopMs(w.peaks.loopP99),
    serverEventLoopDelayMaxMs: loopMs(w.peaks.loopMax),
    answers: staff.answers.length,
    answerAckP50Ms: round(quantile(answers.acks, 0.5), 1),
    answerAckMaxMs: round(Math.max(...answers.acks), 1),
    answerSeenP50Ms: round(quantile(answers.all, 0.5), 1),
    answerSeenP99Ms: round(quantile(answers.all, 0.99), 1),
    answerSeenMaxMs: round(Math.max(...answers.all), 1),
    answerSamples: answers.all.length,
    answerMissed: answers.missed,
    perAnswer: answers.perAnswer,
    asks: sum((v) => v.asksSent),
    asksMerged: sum((v) => v.asksMerged),
    approvals: staff.approvalsSent,
    dismissals: staff.dismissalsSent,
    largestQueue: staff.largestQueue,
    queueMessagesToStaff: staff.queuesReceived,
    publicQuestions: staff.room?.state.hall?.questions.size ?? 0,
    votes: sum((v) => v.votesSent),
    reactionsSent: sum((v) => v.reactionsSent),
    reactionsCountedByServer: w.reactionsCounted,
    reactionBurstsPerSecond: round(w.bursts / wall, 1),
    handsRaised: sum((v) => v.handsRaised),
    loaderCpuPct: w.loader.cpuPct,
    loaderEventLoopDelayP99Ms: w.loader.loopP99Ms,
    loaderEventLoopDelayMaxMs: w.loader.loopMaxMs,
    loaderHeapMB: w.loader.heapMB,
    loaderRssMB: round(process.memoryUsage.rss() / 1048576, 1),
    loadAverage: os.loadavg().map((l) => round(l, 2)),
  };
}
