import type { Page } from '@playwright/test';
import { callApi } from '../shared/protocol/apiClient.js';
import { stageAt } from '../shared/spaces/collision.js';
import { getSpace } from '../shared/spaces/catalog.js';
import { HEARING } from '../shared/voice/hearing.js';
import { enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { enter, expect, hook, holdKeyUntil, test, type HustingsHall } from './fixtures.js';
import {
  expectHears, expectNotPublishing, expectVoiceJoined, grantIn, inboundBytes, recordVoiceTokens, toneFrom, voiceOf,
} from './voice/probes.js';

/**
 * Spatial voice with the real LiveKit and real browsers whose microphones play a steady tone
 * (the `voice` project in playwright.config.ts): the stage is heard by everyone and only its
 * speakers may talk; the floor mic passes the right to talk and takes it back; in open spaces
 * a voice is heard only by those near it.
 */

const HOST: Credentials = { email: 'vera.voice.host@example.org', password: 'vera hosts with her voice', name: 'Vera Achebe' };
const FLOOR_HOST: Credentials = { email: 'hal.voice.host@example.org', password: 'hal listens to the floor', name: 'Hal Nakamura' };
const MODERATOR: Credentials = { email: 'milo.voice.moderator@example.org', password: 'milo moderates by ear', name: 'Milo Ferreira' };
const TOWNHALL = getSpace('townhall')!;

function selfId(page: Page): Promise<string> {
  return hook(page, (h) => h.selfId!);
}

function hallOf(page: Page): Promise<HustingsHall | undefined> {
  return hook(page, (h) => h.hall());
}

async function distanceBetween(a: Page, b: Page): Promise<number> {
  const [p, q] = await Promise.all([hook(a, (h) => h.self()), hook(b, (h) => h.self())]);
  return p && q ? Math.hypot(p.x - q.x, p.z - q.z) : Infinity;
}

async function expectPublishing(page: Page): Promise<void> {
  await expect.poll(async () => (await voiceOf(page)).publishing, { message: 'publishing the microphone', timeout: 30_000 }).toBe(true);
}

/** In an open space: press Talk, as a person does (the microphone goes on, unmuted). */
async function talk(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Talk' }).click({ timeout: 30_000 });
  await expectPublishing(page);
}

/** Given the right to speak in a stage space, the page says so: press its Unmute. */
async function answerPrompt(page: Page, says: string): Promise<void> {
  const prompt = page.getByRole('alert').filter({ hasText: says });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  await prompt.getByRole('button', { name: 'Unmute' }).click();
  await expectPublishing(page);
}

/**
 * At the back of the town hall (facing the stage, as on arrival), side-step into line with the
 * central aisle and the door: the spawn points are beside it.
 */
async function stepIntoAisle(page: Page): Promise<void> {
  const x = async () => (await hook(page, (h) => h.self()))!.x;
  const at = await x();
  if (Math.abs(at) > 0.4) await holdKeyUntil(page, at > 0 ? 'a' : 'd', async () => Math.abs(await x()) < 0.4, 'in line with the central aisle');
}

/** A host walks from the back of the town hall up the central aisle onto the stage. */
async function walkOntoStage(page: Page): Promise<void> {
  await stepIntoAisle(page);
  await holdKeyUntil(page, 'w', async () => {
    const now = (await hook(page, (h) => h.self()))!;
    return stageAt(TOWNHALL, now.x, now.z) !== undefined && now.z < -7.8; // half a metre in
  }, 'up the aisle onto the stage', 45_000);
}

/** The town hall's current event is live: the host starts it (scheduling one if none is left). */
async function eventLive(host: Page, hostToken: string, base: string): Promise<void> {
  if ((await hallOf(host))?.eventState === 'live') return;
  const { events } = await callApi('listEvents', { baseUrl: base, query: { spaceId: 'townhall', state: 'scheduled' } });
  if (events.length === 0) {
    await callApi('createEvent', { baseUrl: base, token: hostToken, body: { spaceId: 'townhall', title: 'Voice check', startsAt: new Date(Date.now() + 60_000).toISOString() } });
  }
  await host.getByRole('button', { name: 'Show hosting' }).click();
  await host.getByRole('button', { name: 'Start the event' }).click();
  await expect.poll(async () => (await hallOf(host))?.eventState).toBe('live');
  await host.getByRole('button', { name: 'Hide hosting' }).click();
}

test('a host on the stage is heard by two visitors; a visitor off the stage cannot talk', async ({ newVisitor, baseURL }) => {
  test.setTimeout(300_000);
  await invitedAccount(baseURL!, HOST, 'host', 'townhall');
  const host = await newVisitor();
  const a = await newVisitor();
  const b = await newVisitor();
  const aTokens = recordVoiceTokens(a.page);
  await enterSignedIn(host.page, HOST, '/s/townhall');
  await enter(a.page, 'Avery', '/s/townhall');
  await enter(b.page, 'Blake', '/s/townhall');
  const [hostId, aId] = [await selfId(host.page), await selfId(a.page)];

  // Everyone is in the hall's LiveKit room as a listener, as their avatar.
  for (const p of [host.page, a.page, b.page]) await expectVoiceJoined(p, 'stage');
  expect((await voiceOf(host.page)).canPublish).toBe(false);

  // The host walks onto the stage: a speaker, so LiveKit now lets her publish; she talks.
  await walkOntoStage(host.page);
  await expect.poll(async () => (await hallOf(a.page))?.speakers).toEqual([hostId]);
  await expect.poll(async () => (await voiceOf(host.page)).canPublish, { message: 'the live grant reached the host', timeout: 30_000 }).toBe(true);
  await answerPrompt(host.page, 'You are on the stage — unmute to speak');

  // Both visitors, at the back of the hall, hear her: audio arrives and it is the tone.
  await expectHears(a.page, hostId, 'Avery hears the host');
  await expectHears(b.page, hostId, 'Blake hears the host');

  // Avery is not on the stage. The server's token for her grants listening only...
  const token = aTokens.at(-1);
  expect(token, 'the token the server gave Avery').toBeDefined();
  expect(token).toMatchObject({ identity: aId, mode: 'stage', canPublish: false });
  expect(grantIn(token!)).toMatchObject({ room: token!.room, canSubscribe: true, canPublish: false });
  expect((await voiceOf(a.page)).canPublish).toBe(false);
  // ...the page offers her no microphone, and says why...
  await expect(a.page.getByRole('button', { name: 'Talk' })).toHaveCount(0);
  await a.page.getByRole('button', { name: 'Listening only' }).click();
  await expect(a.page.getByRole('region', { name: 'Your microphone' })).toContainText('Only the stage and the floor mic are heard here.');
  // ...and a forged attempt to publish anyway fails: nobody receives a voice from her.
  const attempt = await hook(a.page, (h) => h.forcePublish());
  expect(attempt).not.toBe('published');
  expect((await voiceOf(a.page)).publishing).toBe(false);
  // (Blake keeps hearing the host meanwhile, so any voice from Avery would have shown by now.)
  await expectHears(b.page, hostId, 'Blake still hears the host');
  for (const p of [host.page, b.page]) await expectNotPublishing(p, aId, 'no microphone from Avery');
});

test('the floor mic: a visitor called by the moderator is heard by the host; taken back, the voice stops', async ({ newVisitor, baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL!;
  const hostSession = await invitedAccount(base, FLOOR_HOST, 'host', 'townhall');
  await invitedAccount(base, MODERATOR, 'moderator', 'townhall');
  const host = await newVisitor();
  const moderator = await newVisitor();
  const visitor = await newVisitor();
  await enterSignedIn(host.page, FLOOR_HOST, '/s/townhall');
  await enterSignedIn(moderator.page, MODERATOR, '/s/townhall');
  await enter(visitor.page, 'Dana', '/s/townhall');
  const danaId = await selfId(visitor.page);
  for (const p of [host.page, moderator.page, visitor.page]) await expectVoiceJoined(p, 'stage');
  await eventLive(host.page, hostSession.token, base);
  expect((await voiceOf(visitor.page)).canPublish).toBe(false);

  // Dana raises a hand; the moderator calls her to the floor mic.
  await visitor.page.getByRole('button', { name: 'Raise hand' }).click();
  await moderator.page.getByRole('button', { name: 'Show moderation' }).click();
  const hands = moderator.page.getByRole('list', { name: 'Raised hands, in order' });
  await hands.getByRole('button', { name: 'Call Dana to the floor' }).click();
  await expect.poll(async () => (await hallOf(host.page))?.speakers).toEqual([danaId]);

  // At the mic LiveKit lets her publish; she talks and the host hears her.
  await expect.poll(async () => (await voiceOf(visitor.page)).canPublish, { message: 'the live grant reached Dana', timeout: 30_000 }).toBe(true);
  await answerPrompt(visitor.page, 'You have the floor — unmute to speak');
  await expectHears(host.page, danaId, 'the host hears Dana at the floor mic');

  // The moderator ends the turn: the grant is taken back and her voice is gone.
  await moderator.page.getByRole('group', { name: 'Floor microphone' }).getByRole('button', { name: 'End turn' }).click();
  await expect.poll(async () => (await hallOf(host.page))?.floor.holder).toBe('');
  await expect.poll(async () => {
    const v = await voiceOf(visitor.page);
    return { canPublish: v.canPublish, publishing: v.publishing };
  }, { message: 'Dana may no longer publish', timeout: 30_000 }).toEqual({ canPublish: false, publishing: false });
  await expectNotPublishing(host.page, danaId, 'the host no longer has a microphone from Dana');
  await expect.poll(() => toneFrom(host.page, danaId)).toBe('not subscribed');
  await expect(visitor.page.getByRole('button', { name: 'Listening only' })).toBeVisible();
});

test('in the plaza a far visitor does not receive a nearby pair talking; walking closer subscribes them', async ({ newVisitor }) => {
  test.setTimeout(300_000);
  // Far: arrive in the plaza through the town hall's door, at its north end.
  const far = await newVisitor();
  await enter(far.page, 'Farah', '/s/townhall');
  await stepIntoAisle(far.page);
  await holdKeyUntil(far.page, 's', async () => (await hook(far.page, (h) => h.spaceId)) === 'plaza', 'out through the door to the plaza');
  await expect.poll(() => hook(far.page, (h) => h.ready)).toBe(true);
  const a = await newVisitor();
  const b = await newVisitor();
  await enter(a.page, 'Ari');
  await enter(b.page, 'Bo');
  const [farId, aId, bId] = [await selfId(far.page), await selfId(a.page), await selfId(b.page)];
  for (const p of [far.page, a.page, b.page]) await expectVoiceJoined(p, 'open');

  // The pair stand by the plaza's south spawn; each steps back (south) if need be until they
  // are beyond hearing range of Farah.
  const beyond = HEARING.leaveRange + 1;
  for (const p of [a.page, b.page]) {
    if (await distanceBetween(p, far.page) <= beyond) await holdKeyUntil(p, 's', async () => await distanceBetween(p, far.page) > beyond, 'out of hearing range');
  }
  expect(await distanceBetween(a.page, b.page)).toBeLessThan(HEARING.enterRange - 4);

  // In the open plaza anyone may talk: the pair do, and hear each other.
  for (const p of [a.page, b.page]) expect((await voiceOf(p)).canPublish).toBe(true);
  await talk(a.page);
  await talk(b.page);
  await expectHears(a.page, bId, 'Ari hears Bo');
  await expectHears(b.page, aId, 'Bo hears Ari');

  // Farah's LiveKit room has both microphones, but she is subscribed to neither, and receives nothing.
  await expect.poll(async () => (await voiceOf(far.page)).available.sort(), { timeout: 30_000 }).toEqual([aId, bId].sort());
  const farBefore = await inboundBytes(far.page);
  expect((await voiceOf(far.page)).subscribed).toEqual([]);
  // (Meanwhile the pair's audio keeps flowing between them.)
  await expectHears(a.page, bId, 'Ari still hears Bo');
  expect((await voiceOf(far.page)).subscribed).toEqual([]);
  expect(await inboundBytes(far.page)).toBe(farBefore);
  expect(await toneFrom(far.page, aId)).toBe('not subscribed');

  // Farah walks south towards them (the fountain is beyond) until both are within hearing range.
  const near = HEARING.enterRange - 0.5;
  await holdKeyUntil(far.page, 'w', async () => Math.max(await distanceBetween(far.page, a.page), await distanceBetween(far.page, b.page)) < near, 'within hearing range of both');
  await expectHears(far.page, aId, 'Farah hears Ari');
  await expectHears(far.page, bId, 'Farah hears Bo');
  expect((await voiceOf(a.page)).subscribed).not.toContain(farId); // Farah is not talking
});
