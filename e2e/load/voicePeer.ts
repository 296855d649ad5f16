import {
  AudioFrame, AudioSource, AudioStream, LocalAudioTrack, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource,
  type LocalTrackPublication, type RemoteParticipant, type RemoteTrack, type RemoteTrackPublication,
} from '@livekit/rtc-node';
import type { Room as ColyseusRoom } from 'colyseus.js';
import type { VoiceToken } from '../../shared/protocol/api.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { chooseVoices, type HeardVoice } from '../../shared/voice/hearing.js';

const SAMPLE_RATE = 48_000;
/**
 * The tone is handed to LiveKit 100 ms at a time (a 400 Hz tone: a whole number of periods, so
 * one frame repeats seamlessly); WebRTC still sends it in 20 ms packets from the first 10 ms
 * on. Bigger frames than a browser's 10 ms: every frame is an FFI round trip, and rtc-node hands
 * every FFI event to every Room in the process, so with a hundred bots in one process the
 * event count, not the audio, is what costs.
 */
const FRAME_SAMPLES = SAMPLE_RATE / 10;
const TONE = Int16Array.from({ length: FRAME_SAMPLES }, (_, i) => Math.round(6000 * Math.sin((2 * Math.PI * 400 * i) / SAMPLE_RATE)));
/** The publisher's queue: two frames, so the tone is paced in real time. */
const SOURCE_QUEUE_MS = 200;
/** A received frame whose peak passes this is the tone, not silence or concealment. */
const AUDIBLE_PEAK = 1000;

/**
 * Bots join LiveKit one at a time: with many Rooms connecting at once in one process, rtc-node
 * 1.1 failed here ("trying to drop an invalid handle", "handle not found" for
 * readyForRoomEvent) and took the process down.
 */
let connecting: Promise<unknown> = Promise.resolve();

/** rtc-node errors tolerated in this process (see tolerateInvalidHandleDrops). */
export const rtcNodeGlitches = { invalidHandleDrops: 0 };

/**
 * rtc-node 1.1 now and then throws "trying to drop an invalid handle" from outside any call of
 * ours (no JS stack: a handle released twice), which would end the process. Here, with ~100
 * bots on a loaded machine, it came once in a few runs. Dropping a handle that is already gone
 * harms nothing, so bot processes count it (reported) and go on; anything else still ends them.
 */
export function tolerateInvalidHandleDrops(): void {
  process.on('uncaughtException', (err) => {
    if (err instanceof Error && err.message.includes('trying to drop an invalid handle')) {
      rtcNodeGlitches.invalidHandleDrops++;
      return;
    }
    console.error(err);
    process.exit(1);
  });
}

/** What one listener saw of one remote microphone track (times are performance.now()). */
export interface HeardTrack {
  identity: string;
  publishedAt: number;
  /** When this listener asked LiveKit for it (the hearing rules chose it, on a 250 ms tick). */
  requestedAt?: number;
  subscribedAt?: number;
  firstFrameAt?: number;
  firstAudibleAt?: number;
  frames: number;
  audibleFrames: number;
  /** Seconds of audio received, and of it the part that carried the tone. */
  seconds: number;
  audibleSeconds: number;
}

/**
 * A bot's LiveKit side, as a browser's client/voice would be: it connects with the token the app
 * minted (autoSubscribe off), subscribes to the voices `chooseVoices` picks, and, when its grant
 * allows, publishes a microphone track carrying a tone. It can count the frames it hears.
 */
export class VoicePeer {
  readonly room = new Room();
  /** Remote microphone publications, by participant identity (the avatar's session id). */
  readonly mics = new Map<string, RemoteTrackPublication>();
  /** Identities whose track is subscribed now (TrackSubscribed seen, not yet unsubscribed). */
  readonly subscribed = new Set<string>();
  /** Every remote track heard, by track sid. */
  readonly heard = new Map<string, HeardTrack>();
  subscribeChanges = 0;
  failures = 0;
  /** LiveKit connection trouble seen by this bot: reconnect attempts, and losses. */
  reconnects = 0;
  disconnects = 0;
  /** When our own publish grant was first seen true and our track published (performance.now()). */
  permittedAt: number | undefined;
  publishedAt: number | undefined;
  private chosen = new Set<string>();
  /** Track sids we asked LiveKit for (setSubscribed(true)), as livekit-client's `isDesired`. */
  private readonly desired = new Set<string>();
  /** When each outstanding request to subscribe was made, by track sid. */
  private readonly asked = new Map<string, number>();
  /** Times from asking LiveKit for a track to TrackSubscribed (ms), for the figures. */
  readonly subscribeMs: number[] = [];
  private publication: LocalTrackPublication | undefined;
  private tone: AbortController | undefined;
  private readonly readers = new Set<ReadableStreamDefaultReader<AudioFrame>>();

  /**
   * @param countFrames read every subscribed track's audio (costs the bot CPU); off, tracks
   *   are only subscribed.
   * @param frameSizeMs the size of the frames read (bigger: fewer events for the bot process).
   */
  constructor(readonly name: string, private readonly options: { countFrames: boolean; frameSizeMs: number }) {}

  get identity(): string {
    return this.room.localParticipant?.identity ?? '';
  }

  /** May we publish now? LiveKit's grant as this participant last heard it (updated live). */
  get canPublish(): boolean {
    return this.room.localParticipant?.info.permission?.canPublish ?? false;
  }

  /** The identities the hearing rules chose last time. */
  get chosenNow(): ReadonlySet<string> {
    return this.chosen;
  }

  get publishing(): boolean {
    return this.publication !== undefined;
  }

  async connect(url: string, grant: VoiceToken): Promise<void> {
    const room = this.room;
    room.on(RoomEvent.TrackPublished, (pub, participant) => this.onPublished(pub, participant));
    room.on(RoomEvent.TrackUnpublished, (pub, participant) => {
      if (this.mics.get(participant.identity) === pub) this.mics.delete(participant.identity);
      if (pub.sid) this.desired.delete(pub.sid);
    });
    room.on(RoomEvent.TrackSubscribed, (track, pub, participant) => this.onSubscribed(track, pub, participant));
    room.on(RoomEvent.TrackUnsubscribed, (_track, _pub, participant) => { this.subscribed.delete(participant.identity); });
    room.on(RoomEvent.TrackSubscriptionFailed, () => { this.failures++; });
    room.on(RoomEvent.Reconnecting, () => {
      this.reconnects++;
      if (process.env.VOICE_BENCH_DEBUG) console.error(`[voice] ${this.name}: LiveKit reconnecting`);
    });
    room.on(RoomEvent.Disconnected, (reason) => {
      this.disconnects++;
      if (process.env.VOICE_BENCH_DEBUG) console.error(`[voice] ${this.name}: LiveKit disconnected (${reason})`);
    });
    room.on(RoomEvent.LocalTrackUnpublished, (pub) => { if (pub === this.publication) this.stopTone(); });
    const turn = connecting.then(() => room.connect(url, grant.token, { autoSubscribe: false, dynacast: false }));
    connecting = turn.catch(() => undefined);
    await turn;
    // Microphones published before we arrived.
    for (const participant of room.remoteParticipants.values()) {
      for (const pub of participant.trackPublications.values()) this.onPublished(pub, participant);
    }
  }

  /**
   * Subscribes to the voices the hearing rules choose for a listener here, and drops the rest,
   * as the browser does (client/voice/voiceSubscriptions.ts). `voices` are the avatars with a
   * microphone published, where the room state has them.
   */
  choose(listener: { x: number; z: number }, voices: readonly HeardVoice[]): void {
    const current = new Set<string>();
    for (const [id, pub] of this.mics) if (this.desired.has(pub.sid!)) current.add(id);
    this.chosen = chooseVoices(listener, voices, current);
    for (const [id, pub] of this.mics) {
      const want = this.chosen.has(id);
      if (this.desired.has(pub.sid!) === want) continue;
      pub.setSubscribed(want);
      if (want) {
        this.desired.add(pub.sid!);
        this.asked.set(pub.sid!, performance.now());
        const heard = this.heard.get(pub.sid!);
        if (heard) heard.requestedAt ??= performance.now();
      } else {
        this.desired.delete(pub.sid!);
        this.asked.delete(pub.sid!);
      }
      this.subscribeChanges++;
    }
  }

  /** Publishes the microphone track and feeds it a tone, paced in real time, until stopped. */
  async publishTone(): Promise<void> {
    if (this.publication) return;
    const source = new AudioSource(SAMPLE_RATE, 1, SOURCE_QUEUE_MS);
    const track = LocalAudioTrack.createAudioTrack('mic', source);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    this.publication = await this.room.localParticipant!.publishTrack(track, options);
    this.publishedAt = performance.now();
    const tone = new AbortController();
    this.tone = tone;
    void (async () => {
      try {
        while (!tone.signal.aborted) await source.captureFrame(new AudioFrame(TONE, SAMPLE_RATE, 1, FRAME_SAMPLES));
      } catch {
        // The track went away under us (the grant was taken back): the tone ends.
      } finally {
        await source.close();
        await track.close();
      }
    })();
  }

  /** Stops the tone and unpublishes (if LiveKit has not already, on losing the grant). */
  async unpublish(): Promise<void> {
    const pub = this.publication;
    this.stopTone();
    if (pub?.sid && this.room.localParticipant?.trackPublications.has(pub.sid)) {
      await this.room.localParticipant.unpublishTrack(pub.sid).catch(() => undefined);
    }
  }

  /** The listener's record of the latest track from this identity (published after `since`, if given). */
  latestFrom(identity: string, since = -Infinity): HeardTrack | undefined {
    let latest: HeardTrack | undefined;
    for (const h of this.heard.values()) {
      if (h.identity === identity && h.publishedAt >= since && (!latest || h.publishedAt > latest.publishedAt)) latest = h;
    }
    return latest;
  }

  async disconnect(): Promise<void> {
    this.stopTone();
    for (const r of this.readers) await r.cancel().catch(() => undefined);
    await this.room.disconnect().catch(() => undefined);
  }

  private stopTone(): void {
    this.tone?.abort();
    this.tone = undefined;
    this.publication = undefined;
  }

  private onPublished(pub: RemoteTrackPublication, participant: RemoteParticipant): void {
    if (pub.kind !== TrackKind.KIND_AUDIO || pub.source !== TrackSource.SOURCE_MICROPHONE || !pub.sid) return;
    this.mics.set(participant.identity, pub);
    this.heard.set(pub.sid, { identity: participant.identity, publishedAt: performance.now(), frames: 0, audibleFrames: 0, seconds: 0, audibleSeconds: 0 });
  }

  private onSubscribed(track: RemoteTrack, pub: RemoteTrackPublication, participant: RemoteParticipant): void {
    this.subscribed.add(participant.identity);
    const askedAt = pub.sid ? this.asked.get(pub.sid) : undefined;
    if (askedAt !== undefined) {
      this.subscribeMs.push(performance.now() - askedAt);
      this.asked.delete(pub.sid!);
    }
    const heard = pub.sid ? this.heard.get(pub.sid) : undefined;
    if (heard) heard.subscribedAt = performance.now();
    if (!this.options.countFrames || !heard) return;
    const reader = new AudioStream(track, { sampleRate: SAMPLE_RATE, numChannels: 1, frameSizeMs: this.options.frameSizeMs }).getReader();
    this.readers.add(reader);
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          this.onFrame(heard, value);
        }
      } catch {
        // The track was unsubscribed or the room closed.
      } finally {
        this.readers.delete(reader);
      }
    })();
  }

  private onFrame(heard: HeardTrack, frame: AudioFrame): void {
    const now = performance.now();
    const seconds = frame.samplesPerChannel / frame.sampleRate;
    heard.frames++;
    heard.seconds += seconds;
    heard.firstFrameAt ??= now;
    const data = frame.data;
    let peak = 0;
    for (let i = 0; i < data.length; i += 7) peak = Math.max(peak, Math.abs(data[i]!));
    if (peak >= AUDIBLE_PEAK) {
      heard.audibleFrames++;
      heard.audibleSeconds += seconds;
      heard.firstAudibleAt ??= now;
    }
  }
}

/**
 * Asks the app for a voice token for this connection (POST /api/voice/token, as the browser
 * does) and joins LiveKit with it. The bots connect straight to the LiveKit they are given
 * (`livekitUrl`), not through the app's /livekit proxy, which serves browsers.
 */
export async function joinVoice(o: { http: string; livekitUrl: string; spaceId: string; sessionToken: string; room: ColyseusRoom<SpaceState>; peer: VoicePeer }): Promise<VoiceToken> {
  const grant = await callApi('voiceToken', {
    baseUrl: o.http, token: o.sessionToken,
    body: { spaceId: o.spaceId, roomId: o.room.roomId, sessionId: o.room.sessionId },
  });
  await o.peer.connect(grant.url ?? o.livekitUrl, grant);
  return grant;
}

/**
 * The voices a listener here hears, per the shared hearing rules: the avatars that have a
 * microphone published, where the room state has them; the speakers (`hall.speakers`: stage
 * and floor mic) are stage voices.
 */
export function chooseFromState(peer: VoicePeer, room: ColyseusRoom<SpaceState> | undefined): void {
  const state = room?.state;
  const me = state?.avatars?.get(room!.sessionId);
  if (!state || !me) return;
  const speakers = state.hall?.speakers;
  const voices: HeardVoice[] = [];
  for (const identity of peer.mics.keys()) {
    const avatar = state.avatars.get(identity);
    const stage = speakers?.includes(identity) ?? false;
    // As the browser: a voice without an avatar here is not heard, unless it is a stage voice.
    if (avatar) voices.push({ id: identity, x: avatar.x, z: avatar.z, stage });
    else if (stage) voices.push({ id: identity, x: 0, z: 0, stage });
  }
  peer.choose(me, voices);
}
