import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { HEARING } from '../../shared/voice/hearing.js';
import { CpuWindow } from './voiceCpu.js';
import { rtcNodeGlitches } from './voicePeer.js';
import { mulberry32 } from './random.js';
import { quantile, round, sleep, sortedCounts } from './stats.js';
import { BotWorkers, type BotStats } from './voiceWorkers.js';

export interface CrowdOptions {
  url: string;
  livekitUrl: string;
  layout: SpaceLayout;
  bots: number;
  talkers: number;
  settleSeconds: number;
  seconds: number;
  ramp: number;
  seed: number;
  workers: number;
  pids: { server: number | undefined; livekit: number | undefined };
  say: (message: string) => void;
}

const SAMPLE_EVERY_MS = 1000;

/**
 * The crowd: N bots walk about an open-voice space (the plaza) as the load tool's walkers do;
 * a few talk (publish a tone); every bot subscribes to the voices the shared hearing rules
 * choose from the room state every 250 ms, as the browser does. Returns the subscriptions per
 * listener over the window.
 */
export async function runCrowd(o: CrowdOptions): Promise<Record<string, unknown>> {
  const talkers = pickTalkers(o.bots, o.talkers, o.seed);
  const workers = new BotWorkers();
  try {
    o.say(`joining ${o.bots} bots to ${o.layout.id} (colyseus + LiveKit) at ${o.ramp}/s in ${o.workers} worker process${o.workers === 1 ? "" : "es"}; ${talkers.size} of them talk`);
    let reported = 0;
    const { joined, errors } = await workers.start({
      url: o.url, livekitUrl: o.livekitUrl, layout: o.layout, seed: o.seed, ramp: o.ramp, workers: o.workers,
      bots: Array.from({ length: o.bots }, (_, i) => ({ index: i, name: `crowd-${i + 1}`, walk: true, talk: talkers.has(i) })),
      countFrames: false, frameSizeMs: 10, expect: { mode: 'open', canPublish: true },
      onProgress: (n) => {
        if (n - reported < 20) return;
        reported = n;
        o.say(`${n} joined`);
      },
    });
    if (errors.size > 0) o.say(`join errors: ${JSON.stringify(sortedCounts(errors))}`);
    o.say(`${joined} in; letting the crowd spread for ${o.settleSeconds} s`);
    await sleep(o.settleSeconds * 1000);

    const cpu = new CpuWindow({ serverCpuPct: o.pids.server, livekitCpuPct: o.pids.livekit, botsCpuPct: [process.pid, ...workers.pids] });
    const first = await workers.stats();
    const perListener: number[] = [];
    const chosenPerListener: number[] = [];
    const totals: number[] = [];
    let missing = 0;
    let extra = 0;
    cpu.begin();
    workers.mark();
    o.say(`measuring for ${o.seconds} s`);
    let last = first;
    for (let t = 0; t < o.seconds * 1000; t += SAMPLE_EVERY_MS) {
      await sleep(SAMPLE_EVERY_MS);
      last = await workers.stats();
      let total = 0;
      for (const b of last.bots) {
        perListener.push(b.subscribed.length);
        chosenPerListener.push(b.chosen);
        total += b.subscribed.length;
        missing += b.missing;
        extra += b.extra;
      }
      totals.push(total);
    }
    const usage = cpu.end();
    const sum = (bots: BotStats[], f: (b: BotStats) => number) => bots.reduce((s, b) => s + f(b), 0);
    const publishing = last.bots.filter((b) => b.publishing).length;
    return {
      scenario: 'crowd',
      space: o.layout.id,
      bots: o.bots,
      joined,
      joinErrors: sortedCounts(errors),
      talkersPublishing: `${publishing}/${talkers.size}`,
      hearingRules: `enter ${HEARING.enterRange} m, leave ${HEARING.leaveRange} m, at most ${HEARING.maxVoices} nearby voices`,
      subsPerListenerMean: round(mean(perListener), 2),
      subsPerListenerP50: quantile(perListener, 0.5),
      subsPerListenerP90: quantile(perListener, 0.9),
      subsPerListenerMax: Math.max(0, ...perListener),
      livekitSubsTotalMean: round(mean(totals), 1),
      livekitSubsTotalMax: Math.max(0, ...totals),
      livekitSubsIfAllHeardAll: joined * publishing - publishing,
      subscribeChangesPerSecond: round((sum(last.bots, (b) => b.subscribeChanges) - sum(first.bots, (b) => b.subscribeChanges)) / o.seconds, 2),
      chosenPerListenerMean: round(mean(chosenPerListener), 2),
      'lagging subs per listener (chosen not yet subscribed / dropped not yet gone)': `${round(missing / Math.max(1, perListener.length), 2)} / ${round(extra / Math.max(1, perListener.length), 2)}`,
      'subscribe ask → TrackSubscribed ms (p50 / p90 / max)': spread(last.bots.flatMap((b) => b.subscribeMs)),
      subscriptionFailures: sum(last.bots, (b) => b.failures),
      livekitReconnectsOfBots: sum(last.bots, (b) => b.reconnects),
      ...usage,
      botWorkersLoopDelayP99Ms: last.loopDelayP99Ms,
      rtcNodeInvalidHandleDrops: last.invalidHandleDrops + rtcNodeGlitches.invalidHandleDrops,
    };
  } finally {
    await workers.stop();
  }
}

/** Which bots talk: a seeded choice, the same every run. */
function pickTalkers(bots: number, talkers: number, seed: number): Set<number> {
  const random = mulberry32(seed * 31 + 5);
  const order = Array.from({ length: bots }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return new Set(order.slice(0, Math.min(bots, talkers)));
}

function spread(values: readonly number[]): string {
  if (values.length === 0) return '-';
  return `${round(quantile(values, 0.5), 0)} / ${round(quantile(values, 0.9), 0)} / ${round(Math.max(...values), 0)} (n ${values.length})`;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
