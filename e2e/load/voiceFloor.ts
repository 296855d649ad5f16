import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { Ack, FloorCallMessage } from '../../shared/protocol/townhall.js';
import { quantile, round, sleep, waitFor } from './stats.js';
import { CpuWindow } from './voiceCpu.js';
import { rtcNodeGlitches } from './voicePeer.js';
import { pollUntil, type HallMember, type VoiceHall } from './voiceHall.js';

/** One call to the floor, in ms from the moderator sending the call (undefined: never happened). */
export interface FloorCallTiming {
  who: string;
  /** The moderator's acknowledgement from the server. */
  ackMs?: number;
  /** The visitor's LiveKit participant sees its publish grant. */
  permittedMs?: number;
  /** The visitor's publishTrack resolved. */
  publishedMs?: number;
  /** The host's LiveKit sees the new microphone track (TrackPublished). */
  hostSeesTrackMs?: number;
  /** The host's hearing rules chose it (a 250 ms tick, as in the browser) and it asked LiveKit for it. */
  hostRequestedMs?: number;
  hostSubscribedMs?: number;
  /** The first audio frame from that identity arrives at the host, and the first one carrying the tone. */
  firstFrameMs?: number;
  firstAudibleMs?: number;
}

const STEP_TIMEOUT_MS = 15_000;

/**
 * The moderator (the host bot) calls this visitor to the floor mic: the visitor raises a hand
 * first, then publishes as soon as its grant allows; the host notes the first audio frame from it.
 */
export async function callToFloor(hall: VoiceHall, who: HallMember, seconds = 120): Promise<FloorCallTiming> {
  const host = hall.host.room!;
  const visitor = who.hall.room!;
  const id = visitor.sessionId;
  visitor.send(ClientMessage.Hand, { up: true });
  await waitFor(() => (host.state.avatars.get(id)?.hand ?? 0) > 0, 5000, `${who.hall.name}'s hand to show`);
  await sleep(300);

  const timing: FloorCallTiming = { who: who.hall.name };
  let ackAt: number | undefined;
  const unbind = host.onMessage(ServerMessage.Ack, (a: Ack) => {
    if (a.ref === ClientMessage.FloorCall && a.id === id) ackAt ??= performance.now();
  }) as () => void;
  const t0 = performance.now();
  host.send(ClientMessage.FloorCall, { sessionId: id, seconds } satisfies FloorCallMessage);
  try {
    await pollUntil(() => who.voice.canPublish, STEP_TIMEOUT_MS, `${who.hall.name}'s LiveKit grant to publish (hall.floor.holder "${host.state.hall?.floor.holder}")`);
    timing.permittedMs = performance.now() - t0;
    await who.voice.publishTone();
    timing.publishedMs = who.voice.publishedAt! - t0;
    await waitFor(() => hall.hostVoice.latestFrom(id, t0)?.firstAudibleAt !== undefined, STEP_TIMEOUT_MS, `the host to hear ${who.hall.name}`);
  } finally {
    unbind();
    const heard = hall.hostVoice.latestFrom(id, t0);
    const since = (t: number | undefined) => (t === undefined ? undefined : round(t - t0, 1));
    timing.ackMs = since(ackAt);
    timing.hostSeesTrackMs = since(heard?.publishedAt);
    timing.hostRequestedMs = since(heard?.requestedAt);
    timing.hostSubscribedMs = since(heard?.subscribedAt);
    timing.firstFrameMs = since(heard?.firstFrameAt);
    timing.firstAudibleMs = since(heard?.firstAudibleAt);
    if (timing.permittedMs !== undefined) timing.permittedMs = round(timing.permittedMs, 1);
    if (timing.publishedMs !== undefined) timing.publishedMs = round(timing.publishedMs, 1);
  }
  return timing;
}

/** The moderator ends the turn; the visitor stops when its grant goes (LiveKit takes the track down). */
export async function endTurn(hall: VoiceHall, who: HallMember): Promise<{ revokedMs: number; trackGoneMs: number }> {
  const t0 = performance.now();
  hall.host.room!.send(ClientMessage.FloorEnd, {});
  const id = who.hall.room!.sessionId;
  await pollUntil(() => !who.voice.canPublish, STEP_TIMEOUT_MS, `${who.hall.name}'s grant to be taken back`);
  const revokedMs = performance.now() - t0;
  await who.voice.unpublish();
  await waitFor(() => !hall.hostVoice.mics.has(id), STEP_TIMEOUT_MS, `${who.hall.name}'s track to go from the host's view`);
  return { revokedMs: round(revokedMs, 1), trackGoneMs: round(performance.now() - t0, 1) };
}

/** The floor-call scenario: `rounds` visitors, one after another, called, heard, sent back. */
export async function runFloorCalls(hall: VoiceHall, rounds: number, o: { pids: { server: number | undefined; livekit: number | undefined }; say: (m: string) => void }): Promise<{ result: Record<string, unknown>; calls: FloorCallTiming[] }> {
  const { say } = o;
  const cpu = new CpuWindow({ serverCpuPct: o.pids.server, livekitCpuPct: o.pids.livekit, botsCpuPct: [process.pid, ...hall.listeners.pids] });
  cpu.begin();
  hall.listeners.mark();
  const calls: FloorCallTiming[] = [];
  const ends: { revokedMs: number; trackGoneMs: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const who = hall.candidates[r % hall.candidates.length]!;
    const call = await callToFloor(hall, who);
    calls.push(call);
    say(`floor call ${r + 1}/${rounds}: ${who.hall.name} heard by the host ${call.firstAudibleMs} ms after the call`);
    await sleep(1000);
    ends.push(await endTurn(hall, who));
    await sleep(1000);
  }
  const usage = cpu.end();
  const workers = await hall.listeners.stats();
  const stat = (pick: (c: FloorCallTiming) => number | undefined) => {
    const v = calls.map(pick).filter((x): x is number => x !== undefined);
    return v.length === 0 ? '-' : `${round(quantile(v, 0.5), 1)} / ${round(Math.max(...v), 1)}`;
  };
  return {
    calls,
    result: {
      scenario: 'floor',
      listenersInHall: hall.listenersJoined,
      calls: rounds,
      'call→heardAtHost ms (median / max)': stat((c) => c.firstAudibleMs),
      'call→ack ms': stat((c) => c.ackMs),
      'call→grantSeenByVisitor ms': stat((c) => c.permittedMs),
      'call→trackPublished ms': stat((c) => c.publishedMs),
      'call→hostSeesTrack ms': stat((c) => c.hostSeesTrackMs),
      'call→hostAsksToSubscribe ms': stat((c) => c.hostRequestedMs),
      'call→hostSubscribed ms': stat((c) => c.hostSubscribedMs),
      'call→firstFrameAtHost ms': stat((c) => c.firstFrameMs),
      'floorEnd→grantTakenBack ms': `${round(quantile(ends.map((e) => e.revokedMs), 0.5), 1)} / ${round(Math.max(...ends.map((e) => e.revokedMs)), 1)}`,
      ...usage,
      botWorkersLoopDelayP99Ms: workers.loopDelayP99Ms,
      rtcNodeInvalidHandleDrops: workers.invalidHandleDrops + rtcNodeGlitches.invalidHandleDrops,
    },
  };
}
