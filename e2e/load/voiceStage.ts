import { CpuWindow } from './voiceCpu.js';
import { rtcNodeGlitches } from './voicePeer.js';
import { callToFloor, endTurn } from './voiceFloor.js';
import { LISTENER_FRAME_MS, type VoiceHall } from './voiceHall.js';
import { quantile, round, sleep } from './stats.js';
import type { BotStats } from './voiceWorkers.js';

/** How long the listeners get to subscribe to both stage voices before the window starts. */
const SUBSCRIBE_TIMEOUT_MS = 30_000;

/**
 * The stage: the host on the stage and a visitor at the floor mic both talk; every listener
 * subscribes to both (stage voices). Over the window: CPU of the Node server, livekit-server
 * and the bots' own processes, and the audio each listener received from each voice.
 */
export async function runStage(hall: VoiceHall, o: { seconds: number; pids: { server: number | undefined; livekit: number | undefined }; say: (m: string) => void }): Promise<Record<string, unknown>> {
  const grantMs = await hall.hostTakesStage();
  o.say(`host on the stage, publishing (grant seen ${round(grantMs, 0)} ms after the state listed it as a speaker)`);
  const floor = hall.candidates[0];
  if (!floor) throw new Error('the stage scenario needs a floor candidate');
  const call = await callToFloor(hall, floor, 900);
  o.say(`${floor.hall.name} at the floor mic, publishing; heard by the host ${call.firstAudibleMs} ms after the call`);
  const voices = [hall.host.room!.sessionId, floor.hall.room!.sessionId];
  const hearsBoth = (bots: BotStats[]) => bots.filter((b) => voices.every((id) => b.subscribed.includes(id))).length;
  const deadline = performance.now() + SUBSCRIBE_TIMEOUT_MS;
  let now = await hall.listeners.stats(voices);
  while (hearsBoth(now.bots) < now.bots.length && performance.now() < deadline) {
    await sleep(500);
    now = await hall.listeners.stats(voices);
  }
  o.say(`${hearsBoth(now.bots)}/${now.bots.length} listeners subscribed to both voices; measuring for ${o.seconds} s`);

  const cpu = new CpuWindow({ serverCpuPct: o.pids.server, livekitCpuPct: o.pids.livekit, botsCpuPct: [process.pid, ...hall.listeners.pids] });
  const before = await hall.listeners.stats(voices);
  cpu.begin();
  hall.listeners.mark();
  const t0 = performance.now();
  await sleep(o.seconds * 1000);
  const usage = cpu.end();
  const after = await hall.listeners.stats(voices);
  const wall = (performance.now() - t0) / 1000;
  // Per listener and voice: the share of real time received, and the share of that carrying the tone.
  const received: number[] = [];
  const audible: number[] = [];
  let frames = 0;
  const start = new Map(before.bots.map((b) => [b.name, b]));
  for (const b of after.bots) {
    for (const id of voices) {
      const was = start.get(b.name)?.heard[id] ?? { seconds: 0, audibleSeconds: 0, frames: 0 };
      const is = b.heard[id]!;
      received.push((is.seconds - was.seconds) / wall);
      audible.push((is.audibleSeconds - was.audibleSeconds) / wall);
      frames += is.frames - was.frames;
    }
  }
  const subscribedToBoth = hearsBoth(after.bots);
  const ended = await endTurn(hall, floor);
  o.say(`floor turn ended: grant taken back after ${ended.revokedMs} ms`);
  const pct = (values: number[], q: number) => round(quantile(values, q) * 100, 1);
  return {
    scenario: 'stage',
    listeners: after.bots.length,
    joinErrors: Object.fromEntries(hall.joinErrors),
    voices: 'host on the stage + visitor at the floor mic (both publishing a tone)',
    listenersSubscribedToBoth: subscribedToBoth,
    livekitSubscriptions: after.bots.reduce((s, b) => s + b.subscribed.length, 0),
    'host: speaker in state → LiveKit grant seen ms': round(grantMs, 1),
    'audioReceived % of real time (min / p50), per listener and voice': `${pct(received, 0)} / ${pct(received, 0.5)}`,
    'toneAudible % of real time (min / p50)': `${pct(audible, 0)} / ${pct(audible, 0.5)}`,
    framesPerListenerPerSecond: round(frames / Math.max(1, after.bots.length) / wall, 2),
    listenerFrameMs: LISTENER_FRAME_MS,
    livekitReconnectsOfBots: after.bots.reduce((s, b) => s + b.reconnects, 0),
    windowSeconds: round(wall, 1),
    ...usage,
    botWorkersLoopDelayP99Ms: after.loopDelayP99Ms,
    rtcNodeInvalidHandleDrops: after.invalidHandleDrops + rtcNodeGlitches.invalidHandleDrops,
  };
}
