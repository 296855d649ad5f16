import type { Room } from 'colyseus.js';
import { callApi, requestGuestSession } from '../../shared/protocol/apiClient.js';
import { ClientMessage, type MoveInput } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { SpaceLayout } from '../../shared/spaces/layout.js';
import { yawTowards } from '../../shared/spaces/movement.js';
import { HallStaff } from './hallStaff.js';
import { HallVisitor } from './hallVisitor.js';
import { sleep, sortedCounts, waitFor } from './stats.js';
import { chooseFromState, joinVoice, VoicePeer } from './voicePeer.js';
import { BotWorkers } from './voiceWorkers.js';

export interface VoiceHallOptions {
  url: string;
  livekitUrl: string;
  spaceId: string;
  /** Seated listeners (seats 0..N-1), run in worker processes. */
  listeners: number;
  workers: number;
  seed: number;
  /** Visitors who may be called to the floor mic (the seats after the listeners). */
  candidates: number;
  ramp: number;
  staff: { email: string; password: string };
  say: (message: string) => void;
}

/** A seated visitor with its LiveKit side (the floor candidates, in this process). */
export interface HallMember {
  hall: HallVisitor;
  voice: VoicePeer;
}

const CHOOSE_EVERY_MS = 250;
/**
 * Listeners read their audio in 500 ms frames: the same audio as 10 ms ones, a fiftieth of the
 * FFI events (rtc-node hands each to every Room in the process). The host reads 10 ms frames,
 * to time the first one.
 */
export const LISTENER_FRAME_MS = 500;
/** Where the host stands: down the aisle, then up onto the stage beside the lectern. */
const HOST_PATH = [{ x: 0, z: 9 }, { x: 0, z: -6.5 }, { x: 3, z: -9 }];
const NO_HABITS = { asks: 0, voteEverySeconds: 3600, reactEverySeconds: 3600, applaud: 0, hand: 0 };

/**
 * A live town hall with voice: the staff bot (an admin: host and moderator) makes the event
 * live, walks onto the stage and publishes once its grant allows; listeners (in worker
 * processes) sit and subscribe to the voices the hearing rules choose (here the stage voices)
 * every 250 ms, as the browser does; candidates sit behind them, to be called to the floor.
 * The host and the candidates live in this process, so their timings share one clock.
 */
export class VoiceHall {
  readonly host = new HallStaff('host');
  hostVoice!: VoicePeer;
  /** The listeners, in worker processes. */
  readonly listeners = new BotWorkers();
  listenersJoined = 0;
  readonly candidates: HallMember[] = [];
  joinErrors = new Map<string, number>();
  private driver: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly o: VoiceHallOptions) {}

  private get http(): string {
    return this.o.url.replace(/^ws/, 'http');
  }

  async open(): Promise<void> {
    const o = this.o;
    const { space } = await callApi('getSpace', { baseUrl: this.http, params: { id: o.spaceId } });
    if (o.listeners + o.candidates > space.seats.length) throw new Error(`${o.spaceId} has ${space.seats.length} seats, fewer than ${o.listeners + o.candidates} bots`);
    const { token } = await callApi('login', { baseUrl: this.http, body: { email: o.staff.email, password: o.staff.password } });
    const room = await this.host.join(o.url, o.spaceId, token);
    o.say(`host: ${await this.host.ensureLive(this.http, token, o.spaceId)}`);
    this.hostVoice = new VoicePeer('host', { countFrames: true, frameSizeMs: 10 });
    const grant = await joinVoice({ http: this.http, livekitUrl: o.livekitUrl, spaceId: o.spaceId, sessionToken: token, room, peer: this.hostVoice });
    o.say(`host voice token: mode ${grant.mode}, canPublish ${grant.canPublish} (at the door)`);
    this.driver = setInterval(() => {
      for (const m of this.candidates) chooseFromState(m.voice, m.hall.room);
      chooseFromState(this.hostVoice, room);
    }, CHOOSE_EVERY_MS);

    o.say(`seating ${o.listeners} listeners (in ${o.workers} worker process${o.workers === 1 ? "" : "es"}) and ${o.candidates} floor candidates at ${o.ramp}/s, each joining LiveKit`);
    let reported = 0;
    const listening = this.listeners.start({
      url: o.url, livekitUrl: o.livekitUrl, layout: SpaceLayout.parse(space), seed: o.seed, ramp: o.ramp, workers: o.workers,
      bots: Array.from({ length: o.listeners }, (_, i) => ({ index: i, name: `listener-${i + 1}`, seat: i })),
      countFrames: true, frameSizeMs: LISTENER_FRAME_MS, expect: { mode: 'stage', canPublish: false },
      onProgress: (n) => {
        if (n - reported < 20) return;
        reported = n;
        o.say(`${n} listeners seated`);
      },
    });
    const candidates: Promise<void>[] = [];
    for (let i = 0; i < o.candidates; i++) {
      candidates.push(this.seat(o.listeners + i, `candidate-${i + 1}`).then((m) => { this.candidates.push(m); }));
      await sleep(200);
    }
    await Promise.all(candidates);
    const { joined, errors } = await listening;
    this.listenersJoined = joined;
    this.joinErrors = errors;
    if (errors.size > 0) o.say(`join errors: ${JSON.stringify(sortedCounts(errors))}`);
  }

  /**
   * The host walks onto the stage; once LiveKit lets it publish, it talks. Returns the time from
   * the host's state first listing it among the speakers to its LiveKit grant being seen (ms).
   */
  async hostTakesStage(): Promise<number> {
    const room = this.host.room!;
    const me = room.sessionId;
    let speakerAt: number | undefined;
    let grantAt: number | undefined;
    const watch = setInterval(() => {
      const now = performance.now();
      if (speakerAt === undefined && room.state.hall?.speakers.includes(me)) speakerAt = now;
      if (grantAt === undefined && this.hostVoice.canPublish) grantAt = now;
    }, GRANT_POLL_MS);
    try {
      await walk(room, HOST_PATH, 20_000);
      await pollUntil(() => grantAt !== undefined, 10_000, 'LiveKit to let the host publish');
    } catch (err) {
      const speakers = [...(room.state.hall?.speakers ?? [])];
      throw new Error(`${err instanceof Error ? err.message : String(err)} (hall.speakers ${JSON.stringify(speakers)}, host ${me})`);
    } finally {
      clearInterval(watch);
    }
    await this.hostVoice.publishTone();
    return grantAt! - (speakerAt ?? grantAt!);
  }

  async close(): Promise<void> {
    clearInterval(this.driver);
    await this.listeners.stop();
    await Promise.all(this.candidates.map(async (m) => {
      await m.voice.disconnect();
      await m.hall.leave();
    }));
    await this.hostVoice?.disconnect();
    if (this.host.startedEvent) await this.host.endEvent();
    await this.host.leave();
  }

  private async seat(seat: number, name: string): Promise<HallMember> {
    const o = this.o;
    const hall = new HallVisitor(name, seat, () => 0.5, NO_HABITS);
    const { token } = await requestGuestSession(this.http, name);
    const room = await hall.join(o.url, o.spaceId, token);
    hall.sit();
    await waitFor(() => room.state.avatars?.get(room.sessionId)?.seat === seat, 10_000, `${name} to sit in seat ${seat}`);
    hall.sat = true;
    const voice = new VoicePeer(name, { countFrames: false, frameSizeMs: LISTENER_FRAME_MS });
    const grant = await joinVoice({ http: this.http, livekitUrl: o.livekitUrl, spaceId: o.spaceId, sessionToken: token, room, peer: voice });
    if (grant.mode !== 'stage' || grant.canPublish) throw new Error(`voice token for a seated visitor: mode ${grant.mode}, canPublish ${grant.canPublish} (expected stage, false)`);
    return { hall, voice };
  }
}

/** Walks an avatar through the points, one movement input per 50 ms, as a client would. */
export async function walk(room: Room<SpaceState>, points: readonly { x: number; z: number }[], timeoutMs: number): Promise<void> {
  let seq = 0;
  const send = (input: Omit<MoveInput, 'seq'>) => room.send(ClientMessage.Input, { ...input, seq: ++seq } satisfies MoveInput);
  const deadline = performance.now() + timeoutMs;
  for (const p of points) {
    for (;;) {
      const me = room.state.avatars?.get(room.sessionId);
      if (me && Math.hypot(p.x - me.x, p.z - me.z) < 0.4) break;
      if (performance.now() > deadline) throw new Error(`walking to (${p.x}, ${p.z}) took over ${timeoutMs} ms; at (${me?.x.toFixed(1)}, ${me?.z.toFixed(1)})`);
      if (me) send({ forward: 1, strafe: 0, run: false, yaw: yawTowards(me.x, me.z, p.x, p.z) });
      await sleep(50);
    }
  }
  const me = room.state.avatars?.get(room.sessionId);
  send({ forward: 0, strafe: 0, run: false, yaw: me?.yaw ?? 0 });
}

/** How fast a bot notices its grant: LiveKit updates it live, but rtc-node 1.1 raises no event for it. */
const GRANT_POLL_MS = 2;

/** Like waitFor, but polls every few ms: for timings that matter to the figures. */
export async function pollUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(GRANT_POLL_MS);
  }
}
