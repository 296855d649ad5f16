/**
 * A bot worker process (started by BotWorkers, voiceWorkers.ts): joins its slice of the bots to
 * the space and to LiveKit, walks them or seats them, subscribes by the hearing rules every
 * 250 ms, and answers the parent's questions over IPC.
 */
import { Client, type Room } from 'colyseus.js';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dispose } from '@livekit/rtc-node';
import { requestGuestSession } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { Bot } from './bot.js';
import { mulberry32 } from './random.js';
import { round, sleep, tally, waitFor } from './stats.js';
import { chooseFromState, joinVoice, rtcNodeGlitches, tolerateInvalidHandleDrops, VoicePeer } from './voicePeer.js';
import type { BotSpec, BotStats, FromWorker, ToWorker, WorkerStart } from './voiceWorkers.js';

interface Member {
  room: Room<SpaceState>;
  walker: Bot | undefined;
  peer: VoicePeer;
}

const STEP_MS = 50;
const CHOOSE_EVERY = 5;
const LOOP_RESOLUTION_MS = 10;

const members: Member[] = [];
/** Where each bot's subscribe timings stood at the last mark. */
const marks = new Map<VoicePeer, number>();
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
let driver: ReturnType<typeof setInterval> | undefined;

tolerateInvalidHandleDrops();
const send = (m: FromWorker) => { if (process.connected) process.send?.(m); };

process.on('message', (m: ToWorker) => {
  if (m.type === 'start') void start(m);
  else if (m.type === 'stats') {
    send({
      type: 'stats', id: m.id, bots: members.map((b) => stats(b, m.voices)),
      loopDelayP99Ms: round(Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS), 1),
      invalidHandleDrops: rtcNodeGlitches.invalidHandleDrops,
    });
  }
  else if (m.type === 'mark') {
    loop.reset();
    for (const b of members) marks.set(b.peer, b.peer.subscribeMs.length);
  }
  else void stop();
});
process.on('disconnect', () => void stop());

async function start(o: WorkerStart): Promise<void> {
  loop.enable();
  let n = 0;
  driver = setInterval(() => {
    const now = Date.now();
    for (const m of members) m.walker?.step(now);
    if (n++ % CHOOSE_EVERY === 0) for (const m of members) chooseFromState(m.peer, m.room);
  }, STEP_MS);
  const errors = new Map<string, number>();
  const joins: Promise<void>[] = [];
  for (const spec of o.bots) {
    joins.push(join(o, spec).then((m) => {
      members.push(m);
      send({ type: 'progress', joined: members.length });
    }, (err: unknown) => tally(errors, err instanceof Error ? err.message : String(err))));
    await sleep(1000 / o.ramp);
  }
  await Promise.all(joins);
  send({ type: 'joined', joined: members.length, errors: Object.fromEntries(errors) });
}

async function join(o: WorkerStart, spec: BotSpec): Promise<Member> {
  const http = o.url.replace(/^ws/, 'http');
  const { token } = await requestGuestSession(http, spec.name);
  const room = await new Client(o.url).joinOrCreate<SpaceState>('space', { spaceId: o.layout.id, token });
  room.onMessage('*', () => undefined);
  let walker: Bot | undefined;
  if (spec.walk) {
    // The load tool's walker, driven over our own connection (we keep the session token for voice).
    walker = new Bot(o.url, o.layout, spec.name, mulberry32(o.seed * 7919 + spec.index));
    walker.room = room;
    room.onLeave(() => { walker!.disconnected = true; });
  }
  if (spec.seat !== undefined) {
    room.send(ClientMessage.Sit, { seat: spec.seat });
    await waitFor(() => room.state.avatars?.get(room.sessionId)?.seat === spec.seat, 10_000, `${spec.name} to sit in seat ${spec.seat}`);
  }
  const peer = new VoicePeer(spec.name, { countFrames: o.countFrames, frameSizeMs: o.frameSizeMs });
  const grant = await joinVoice({ http, livekitUrl: o.livekitUrl, spaceId: o.layout.id, sessionToken: token, room, peer });
  if (grant.mode !== o.expect.mode || grant.canPublish !== o.expect.canPublish) {
    await peer.disconnect();
    await room.leave(true).catch(() => undefined);
    throw new Error(`voice token in ${o.layout.id}: mode ${grant.mode}, canPublish ${grant.canPublish} (expected ${o.expect.mode}, ${o.expect.canPublish})`);
  }
  if (spec.talk) await peer.publishTone();
  return { room, walker, peer };
}

function stats(m: Member, voices: readonly string[]): BotStats {
  const p = m.peer;
  const chosen = p.chosenNow;
  const subscribed = [...p.subscribed];
  const heard: BotStats['heard'] = {};
  for (const id of voices) {
    const h = p.latestFrom(id);
    heard[id] = { seconds: h?.seconds ?? 0, audibleSeconds: h?.audibleSeconds ?? 0, frames: h?.frames ?? 0 };
  }
  return {
    name: p.name, sessionId: m.room.sessionId, subscribed,
    chosen: chosen.size,
    missing: [...chosen].filter((id) => !p.subscribed.has(id)).length,
    extra: subscribed.filter((id) => !chosen.has(id)).length,
    subscribeChanges: p.subscribeChanges, subscribeMs: p.subscribeMs.slice(marks.get(p) ?? 0).map((ms) => round(ms, 1)), failures: p.failures, reconnects: p.reconnects, disconnects: p.disconnects,
    publishing: p.publishing, heard,
  };
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(driver);
  await Promise.all(members.map(async (m) => {
    await m.peer.disconnect();
    await m.room.leave(true).catch(() => undefined);
  }));
  await dispose();
  send({ type: 'stopped' });
  process.exit(0);
}
