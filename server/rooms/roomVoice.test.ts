import { AudioFrame, AudioSource, LocalAudioTrack, Room as LivekitRoom, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import type { VoiceToken } from '../../shared/protocol/api.js';
import { bootServer, createAccount, waitFor, type TestAccount } from '../testing/harness.js';
import { act, hall, joinHall, me, walk, type Tracked } from '../testing/hall.js';
import { freeVoicePorts } from '../testing/voicePorts.js';
import type { VoiceParticipant } from '../voice/voice.js';

/**
 * Voice in rooms against the real LiveKit the app starts: tokens only for your own connection,
 * grants that follow the stage, the floor microphone and mutes, removal from LiveKit with
 * removal from the space, and the same-origin proxy browsers use. LiveKit participants are
 * real WebRTC clients (@livekit/rtc-node); what LiveKit allows is read from LiveKit itself.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;
let server: Server;
let mod: Tracked;
let modAccount: TestAccount;
let hostAccount: TestAccount;
const livekits: LivekitRoom[] = [];


async function tokenFor(t: Tracked, overrides: Partial<{ sessionId: string; spaceId: string; token: string }> = {}): Promise<VoiceToken> {
  return callApi('voiceToken', {
    baseUrl: server.http, token: overrides.token ?? t.token,
    body: { spaceId: overrides.spaceId ?? t.room.state.spaceId, roomId: t.room.roomId, sessionId: overrides.sessionId ?? t.room.sessionId },
  });
}

async function refusal(work: Promise<unknown>): Promise<{ status: number; code: string }> {
  const err: unknown = await work.then(() => new Error('expected a refusal'), (e: unknown) => e);
  if (!(err instanceof ApiCallError)) throw err;
  return { status: err.status, code: err.code };
}

/** Joins LiveKit through the app's own origin (/livekit), as a browser does. */
async function joinVoice(grant: VoiceToken): Promise<LivekitRoom> {
  expect(grant.url).toBeNull();
  const room = new LivekitRoom();
  livekits.push(room);
  await room.connect(`${server.url}/livekit`, grant.token, { autoSubscribe: false, dynacast: false });
  return room;
}

async function participant(grant: VoiceToken): Promise<VoiceParticipant | undefined> {
  return server.voice.voice!.participant(grant.room, grant.identity);
}

async function waitForLivekit(grant: VoiceToken, check: (p: VoiceParticipant | undefined) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check(await participant(grant))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Publishes a microphone track of a 440 Hz tone (a few frames are enough for LiveKit to list it). */
async function publishTone(room: LivekitRoom): Promise<void> {
  const source = new AudioSource(48_000, 1);
  const track = LocalAudioTrack.createAudioTrack('microphone', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  await room.localParticipant!.publishTrack(track, options);
  const samples = new Int16Array(480).map((_, i) => Math.round(6000 * Math.sin((2 * Math.PI * 440 * i) / 48_000)));
  for (let i = 0; i < 20; i++) await source.captureFrame(new AudioFrame(samples, 48_000, 1, 480));
}

const publishing = (p: VoiceParticipant | undefined) => (p?.tracks ?? 0) > 0;

beforeAll(async () => {
  server = await bootServer({ VOICE: 'on', LIVEKIT_PORT: String(await freeVoicePorts()) });
  modAccount = await createAccount(server, { name: 'Mo Moderator', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
  hostAccount = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: 'townhall' }] });
  mod = await joinHall(server.url, { token: modAccount.token });
  const event = await callApi('createEvent', { baseUrl: server.http, token: modAccount.token, body: { spaceId: 'townhall', title: 'Voice test', startsAt: new Date().toISOString() } });
  await waitFor(() => hall(mod).event.id === event.id, 5000, 'the event in the room');
  await act(mod, ClientMessage.EventRun, { action: 'start' }, () => hall(mod).event.state === 'live');
}, 60_000);

afterAll(async () => {
  for (const room of livekits) await room.disconnect().catch(() => {});
  await server?.close();
});

describe('the voice token route', () => {
  it('gives a token only for a connection of your own, in the space it is in', async () => {
    const ada = await joinHall(server.url, { name: 'Ada' });
    const bea = await joinHall(server.url, { name: 'Bea' });
    const grant = await tokenFor(ada);
    expect(grant).toMatchObject({ url: null, identity: ada.room.sessionId, mode: 'stage', canPublish: false });
    // One LiveKit room for all the sections of the event (server/rooms/roomSections.ts).
    expect(grant.room).toBe('townhall.sections');
    // Bea cannot have Ada's voice, nor a token for a space Ada's room is not.
    expect(await refusal(tokenFor(ada, { token: bea.token }))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(tokenFor(ada, { spaceId: 'plaza' }))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(callApi('voiceToken', { baseUrl: server.http, token: ada.token, body: { spaceId: 'townhall', roomId: 'no-such-room', sessionId: ada.room.sessionId } })))
      .toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(callApi('voiceToken', { baseUrl: server.http, token: null, body: { spaceId: 'townhall', roomId: ada.room.roomId, sessionId: ada.room.sessionId } })))
      .toEqual({ status: 401, code: 'NOT_ALLOWED' });
    expect(await refusal(callApi('voiceToken', { baseUrl: server.http, token: ada.token, body: { spaceId: 'townhall', roomId: ada.room.roomId } as never })))
      .toEqual({ status: 400, code: 'INVALID_INPUT' });
    await Promise.all([ada.room.leave(), bea.room.leave()]);
  });

  it('lets everyone talk in the plaza, and nobody but the speakers in the town hall', async () => {
    const walker = await joinHall(server.url, { spaceId: 'plaza', name: 'Walker' });
    expect(await tokenFor(walker)).toMatchObject({ mode: 'open', canPublish: true });
    await walker.room.leave();
  });
});

describe('grants that follow the room', () => {
  it('lets a host publish once on the stage, and a visitor never from the floor of the hall', async () => {
    const host = await joinHall(server.url, { token: hostAccount.token });
    const visitor = await joinHall(server.url, { name: 'Vic' });
    const hostGrant = await tokenFor(host);
    expect(hostGrant.canPublish).toBe(false);
    const visitorGrant = await tokenFor(visitor);
    const [hostVoice, visitorVoice] = [await joinVoice(hostGrant), await joinVoice(visitorGrant)];

    // A visitor's attempt to publish anyway is refused by LiveKit.
    await expect(publishTone(visitorVoice)).rejects.toThrow();
    expect(publishing(await participant(visitorGrant))).toBe(false);

    // The host walks up onto the stage (from the front row, by the aisle): the server gives the grant, and the host's voice goes out.
    await act(host, ClientMessage.Sit, { seat: 18 }, () => me(host).seat === 18);
    await act(host, ClientMessage.Stand, {}, () => me(host).seat === -1);
    await walk(host, 40, { forward: 1, strafe: 0, run: true, yaw: 0 });
    await waitFor(() => hall(mod).speakers.includes(host.room.sessionId), 5000, 'the host among the speakers');
    await waitForLivekit(hostGrant, (p) => p?.canPublish === true, 'LiveKit to let the host publish');
    await publishTone(hostVoice);
    await waitForLivekit(hostGrant, publishing, "the host's track in LiveKit");
    // A token asked for now says so from the start.
    expect((await tokenFor(host)).canPublish).toBe(true);

    // Walking off the stage takes the grant back, and LiveKit ends the track.
    await walk(host, 40, { forward: -1, strafe: 0, run: true, yaw: 0 });
    await waitForLivekit(hostGrant, (p) => p?.canPublish === false && !publishing(p), 'the grant taken back');
    await Promise.all([host.room.leave(), visitor.room.leave()]);
  });

  it('gives the floor-mic holder the grant, takes it back with the turn, and mutes act on LiveKit', async () => {
    const ada = await joinHall(server.url, { name: 'Ada' });
    const grant = await tokenFor(ada);
    const voice = await joinVoice(grant);
    await waitForLivekit(grant, (p) => p?.canPublish === false, 'Ada in LiveKit as a listener');

    await act(mod, ClientMessage.FloorCall, { sessionId: ada.room.sessionId, seconds: 120 }, () => hall(mod).floor.holder === ada.room.sessionId);
    await waitForLivekit(grant, (p) => p?.canPublish === true, 'the floor grant');
    await publishTone(voice);
    await waitForLivekit(grant, publishing, "Ada's voice");

    // A moderator mutes her while she holds the floor: LiveKit stops her at once.
    await act(mod, ClientMessage.Mute, { sessionId: ada.room.sessionId, muted: true }, () => mod.acks.some((a) => a.ref === ClientMessage.Mute && a.id === ada.room.sessionId));
    await waitForLivekit(grant, (p) => p?.canPublish === false && !publishing(p), 'the mute in LiveKit');
    await act(mod, ClientMessage.Mute, { sessionId: ada.room.sessionId, muted: false }, () => mod.acks.filter((a) => a.ref === ClientMessage.Mute).length >= 2);
    await waitForLivekit(grant, (p) => p?.canPublish === true, 'the grant back after the unmute');

    await act(mod, ClientMessage.FloorEnd, {}, () => hall(mod).floor.holder === '');
    await waitForLivekit(grant, (p) => p?.canPublish === false, 'the grant taken back with the turn');
    await ada.room.leave();
    // Leaving the space leaves its voice too.
    await waitForLivekit(grant, (p) => p === undefined, 'Ada out of LiveKit');
  });

  it('catches up when the floor passes between minting a token and joining LiveKit', async () => {
    const cy = await joinHall(server.url, { name: 'Cy' });
    const grant = await tokenFor(cy);
    expect(grant.canPublish).toBe(false);
    await act(mod, ClientMessage.FloorCall, { sessionId: cy.room.sessionId, seconds: 120 }, () => hall(mod).floor.holder === cy.room.sessionId);
    // Only now does Cy's browser connect, with the listener's token it was given.
    await new Promise((r) => setTimeout(r, 300));
    await joinVoice(grant);
    await waitForLivekit(grant, (p) => p?.canPublish === true, 'the grant applied after joining');
    await act(mod, ClientMessage.FloorEnd, {}, () => hall(mod).floor.holder === '');
    await cy.room.leave();
  });

  it('gives the grant again after LiveKit is rejoined with the original listener token', async () => {
    const eve = await joinHall(server.url, { name: 'Eve' });
    const grant = await tokenFor(eve);
    const voice = await joinVoice(grant);
    await act(mod, ClientMessage.FloorCall, { sessionId: eve.room.sessionId, seconds: 120 }, () => hall(mod).floor.holder === eve.room.sessionId);
    await waitForLivekit(grant, (p) => p?.canPublish === true, 'the floor grant');
    // A signalling drop: the browser's LiveKit client joins again with the token it holds.
    await voice.disconnect();
    await waitForLivekit(grant, (p) => p === undefined, 'Eve out of LiveKit');
    await joinVoice(grant);
    await waitForLivekit(grant, (p) => p?.canPublish === true, 'the floor grant told again after the rejoin');
    await act(mod, ClientMessage.FloorEnd, {}, () => hall(mod).floor.holder === '');
    await eve.room.leave();
  });

  it('removes someone from LiveKit when a moderator removes them from the space', async () => {
    const dee = await joinHall(server.url, { name: 'Dee' });
    const grant = await tokenFor(dee);
    await joinVoice(grant);
    await waitForLivekit(grant, (p) => p !== undefined, 'Dee in LiveKit');
    mod.room.send(ClientMessage.Remove, { sessionId: dee.room.sessionId });
    await waitForLivekit(grant, (p) => p === undefined, 'Dee out of LiveKit');
    expect(me(mod)).toBeDefined();
  });
});

describe('the same-origin LiveKit proxy', () => {
  it("passes LiveKit's signalling and nothing else", async () => {
    // The signalling path answers (LiveKit's own refusal of a missing token, passed through).
    const validate = await fetch(`${server.http}/livekit/rtc/validate`);
    expect(validate.status).toBe(401);
    // LiveKit's admin API is not reachable through the app.
    const admin = await fetch(`${server.http}/livekit/twirp/livekit.RoomService/ListRooms`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(admin.status).toBe(404);
  });
});
