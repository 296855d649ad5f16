import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { callApi, requestGuestSession } from '../shared/protocol/apiClient.js';
import type { ErrorPayload } from '../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../shared/protocol/messages.js';
import { enterSignedIn, invitedAccount, signInThroughPage, type Credentials } from './accounts.js';
import { clickWorld, distanceFrom, enter, expect, hook, screenshotVariance, test, type HustingsHall } from './fixtures.js';
import { joinSpace } from './scriptRoom.js';

/**
 * The live town hall, in four real browsers: a host starts the event, a visitor asks, the
 * moderator approves, another visitor upvotes, the question goes on the stage screen for all;
 * a visitor sits, raises a hand, is called to the floor mic and sent back to the seat; the
 * host ends the event and the public record (JSON, page, CSV) holds all of it.
 */

const HOST: Credentials = { email: 'hana.host@example.org', password: 'hana hosts the town hall', name: 'Hana Okafor' };
const MODERATOR: Credentials = { email: 'mika.moderator@example.org', password: 'mika moderates the town hall', name: 'Mika Lindqvist' };
const QUESTION = 'Will the 2027 budget keep the libraries open on Sundays?';

/** Seat indices (shared/spaces/catalog.ts: 12 rows of 2 x 18, row by row, left side first). */
const seatIndex = (row: number, side: 0 | 1, i: number) => row * 36 + side * 18 + i;

async function hallOf(page: Page): Promise<HustingsHall | undefined> {
  return hook(page, (h) => h.hall());
}

/** Every page's view of the hall, through `pick`. */
function everyone<T>(pages: Page[], pick: (hall: HustingsHall | undefined) => T): Promise<T[]> {
  return Promise.all(pages.map(async (p) => pick(await hallOf(p))));
}

async function avatarOf(page: Page, id: string) {
  return page.evaluate((who) => window.__hustings!.avatars().find((a) => a.id === who), id);
}

/** Turn the view (and the avatar) to face `yaw` by dragging across the canvas, as a person does. */
async function turnTo(page: Page, yaw: number): Promise<void> {
  const off = async () => {
    const now = (await hook(page, (h) => h.predicted()))!.yaw;
    return Math.atan2(Math.sin(now - yaw), Math.cos(now - yaw));
  };
  const size = page.viewportSize()!;
  for (let attempt = 0; attempt < 4 && Math.abs(await off()) > 0.04; attempt++) {
    // About 170 px of drag per radian; the next round corrects what is left over.
    const before = await off();
    const dx = Math.max(-250, Math.min(250, before * 170));
    await page.mouse.move(size.width / 2 - dx / 2, size.height * 0.62);
    await page.mouse.down();
    await page.mouse.move(size.width / 2 + dx / 2, size.height * 0.62, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => Math.abs(await off())).toBeLessThan(Math.abs(before));
  }
  expect(Math.abs(await off())).toBeLessThan(0.06);
}

test('a live town hall: questions, the stage screen, hands and the floor mic, the record', async ({ newVisitor, baseURL }, testInfo) => {
  // Four software-rendered worlds on a small machine: generous, and contexts close when done.
  test.setTimeout(360_000);
  const base = baseURL!;
  await invitedAccount(base, HOST, 'host', 'townhall');
  await invitedAccount(base, MODERATOR, 'moderator', 'townhall');
  const { space: layout } = await callApi('getSpace', { baseUrl: base, params: { id: 'townhall' } });
  const mic = layout.stage!.floorMic;

  const host = await newVisitor();
  const moderator = await newVisitor();
  const a = await newVisitor();
  const b = await newVisitor();
  await enterSignedIn(host.page, HOST, '/s/townhall');
  await enterSignedIn(moderator.page, MODERATOR, '/s/townhall');
  await enter(a.page, 'Avery', '/s/townhall');
  await enter(b.page, 'Blake', '/s/townhall');
  const pages = [host.page, moderator.page, a.page, b.page];
  const bId = (await hook(b.page, (h) => h.selfId))!;

  // The seeded demo event is waiting, with its countdown.
  await expect.poll(() => everyone(pages, (h) => h?.eventState)).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled']);
  const eventId = (await hallOf(a.page))!.eventId;
  expect((await hallOf(a.page))!.title).toBe('Town hall: the 2027 budget');
  await expect(a.page.getByRole('region', { name: 'Event' })).toContainText(/Starts in \d+:\d\d/);
  await expect.poll(async () => (await hallOf(a.page))?.present).toBe(4);
  // Visitors see no hosting or moderation controls.
  await expect(a.page.getByRole('heading', { name: /Moderation|Hosting/ })).toHaveCount(0);

  // Avery walks down the aisle and takes a front-row seat, facing the stage screen.
  // Behind the back row into the central aisle, then down it (clicking the floor each time).
  const arrived = (await hook(a.page, (h) => h.self()))!;
  const behind = { x: 0.8, z: Math.min(arrived.z - 1, 9) };
  await clickWorld(a.page, behind.x, 0, behind.z);
  await expect.poll(() => distanceFrom(a.page, behind), { timeout: 40_000 }).toBeLessThan(0.7);
  await turnTo(a.page, 0); // facing the stage, down the aisle
  const aisle = { x: 0.8, z: -2 };
  await clickWorld(a.page, aisle.x, 0, aisle.z);
  await expect.poll(() => distanceFrom(a.page, aisle), { timeout: 40_000 }).toBeLessThan(0.7);
  const front = seatIndex(0, 1, 0);
  const frontSeat = layout.seats[front]!;
  // Aim at the upper part of the chair's back, which the row behind it does not hide.
  await clickWorld(a.page, frontSeat.x, frontSeat.y + 0.85, frontSeat.z + 0.24);
  await expect.poll(async () => (await hook(a.page, (h) => h.avatars().find((v) => v.name === 'Avery')))?.seat).toBe(front);

  // The host starts the event: live for everyone.
  await host.page.getByRole('button', { name: 'Show hosting' }).click();
  await host.page.getByRole('button', { name: 'Start the event' }).click();
  await expect.poll(() => everyone(pages, (h) => h?.eventState)).toEqual(['live', 'live', 'live', 'live']);
  await expect(b.page.getByRole('region', { name: 'Event' })).toContainText('Live');

  // Avery asks; the question waits for a moderator.
  await a.page.getByRole('button', { name: 'Show questions and answers' }).click();
  await a.page.getByRole('tab', { name: 'Ask' }).click();
  await a.page.getByLabel('Your question').fill(QUESTION);
  await expect(a.page.getByText(`${QUESTION.length} / 300`)).toBeVisible();
  await a.page.getByRole('button', { name: 'Send question' }).click();
  await expect(a.page.getByRole('status').filter({ hasText: 'went to the moderators' })).toBeVisible();
  await a.page.getByRole('tab', { name: /^Mine/ }).click();
  await expect(a.page.getByRole('list', { name: 'Your questions waiting for a moderator' })).toContainText(QUESTION);
  expect(await hook(a.page, (h) => h.mine()?.pending.map((q) => q.text))).toEqual([QUESTION]);

  // The moderator sees it in the queue, with its author, and approves it.
  await moderator.page.getByRole('button', { name: 'Show moderation' }).click();
  const waiting = moderator.page.getByRole('list', { name: 'Questions waiting for a moderator' }).getByRole('listitem').filter({ hasText: QUESTION });
  await expect(waiting).toContainText('Avery');
  expect(await hook(moderator.page, (h) => h.queue()?.pending.map((q) => [q.text, q.author]))).toEqual([[QUESTION, 'Avery']]);
  await waiting.getByRole('button', { name: 'Approve' }).click();
  const approved = (h: HustingsHall | undefined) => h?.questions.find((q) => q.text === QUESTION);
  await expect.poll(() => everyone(pages, (h) => approved(h)?.state)).toEqual(['approved', 'approved', 'approved', 'approved']);
  const questionId = approved(await hallOf(a.page))!.id;

  // Blake upvotes it: one vote, for everyone; the button says so.
  await b.page.getByRole('button', { name: 'Show questions and answers' }).click();
  const item = b.page.getByRole('list', { name: 'Questions' }).getByRole('listitem').filter({ hasText: QUESTION });
  await item.getByRole('button', { name: /^Upvote/ }).click();
  await expect(item.getByRole('button', { name: /^Upvoted/ })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => everyone(pages, (h) => approved(h)?.votes)).toEqual([1, 1, 1, 1]);
  expect(await hook(b.page, (h) => h.mine()?.votes)).toEqual([questionId]);
  await b.page.getByRole('button', { name: 'Hide questions and answers' }).click();

  // The moderator puts it on the stage screen: everyone has it as the question being answered.
  const approvedList = moderator.page.getByRole('list', { name: 'Approved questions' });
  await approvedList.getByRole('listitem').filter({ hasText: QUESTION }).getByRole('button', { name: 'Answer now' }).click();
  await expect.poll(() => everyone(pages, (h) => h?.answering)).toEqual([QUESTION, QUESTION, QUESTION, QUESTION]);
  await a.page.getByRole('tab', { name: /^Questions/ }).click();
  await expect(a.page.getByRole('listitem').filter({ hasText: 'Being answered now' })).toContainText(QUESTION);

  // ... and Avery, in the front row, sees it there. (A larger window for a readable picture.)
  await a.page.getByRole('button', { name: 'Hide questions and answers' }).click();
  await a.page.setViewportSize({ width: 960, height: 600 });
  const resized = await hook(a.page, (h) => h.renderInfo().frame);
  await expect.poll(() => hook(a.page, (h) => h.renderInfo().frame)).toBeGreaterThan(resized + 3);
  const screen = layout.stage!.screen;
  const corners = await a.page.evaluate((s) => [
    window.__hustings!.project(s.x - s.width / 2 - 0.2, s.y + s.height / 2 + 0.2, s.z),
    window.__hustings!.project(s.x + s.width / 2 + 0.2, s.y - s.height / 2 - 0.2, s.z),
  ], screen);
  const [topLeft, bottomRight] = corners as [{ x: number; y: number }, { x: number; y: number }];
  const clip = {
    x: Math.max(0, topLeft.x), y: Math.max(0, topLeft.y),
    width: Math.min(960, bottomRight.x) - Math.max(0, topLeft.x), height: Math.min(600, bottomRight.y) - Math.max(0, topLeft.y),
  };
  expect(clip.width).toBeGreaterThan(250);
  const shot = await a.page.screenshot({ path: testInfo.outputPath('stage-screen.png'), clip });
  await testInfo.attach('stage screen, from the front row', { body: shot, contentType: 'image/png' });
  expect(await screenshotVariance(a.page)).toBeGreaterThan(8);
  await a.page.setViewportSize({ width: 640, height: 400 });

  // Blake takes a seat in the back row (clicking the chair) and raises a hand.
  const back = seatIndex(11, 1, 0);
  const backSeat = layout.seats[back]!;
  await clickWorld(b.page, backSeat.x, backSeat.y + 0.45, backSeat.z);
  await expect.poll(async () => Promise.all(pages.map(async (p) => (await avatarOf(p, bId))?.seat))).toEqual([back, back, back, back]);
  await b.page.getByRole('button', { name: 'Raise hand' }).click();
  await expect.poll(async () => (await avatarOf(moderator.page, bId))?.hand).toBeGreaterThan(0);

  // The moderator sees the hand in the queue and calls Blake to the floor (90 s by default).
  const hands = moderator.page.getByRole('list', { name: 'Raised hands, in order' });
  await expect(hands.getByRole('listitem')).toHaveText([/Blake/]);
  await expect(moderator.page.getByLabel('Turn length')).toHaveValue('90');
  const called = Date.now();
  await hands.getByRole('button', { name: 'Call Blake to the floor' }).click();

  // Everyone sees Blake holding the floor at the mic, with the countdown.
  await expect.poll(() => everyone(pages, (h) => h?.floor.holder)).toEqual([bId, bId, bId, bId]);
  for (const p of pages) {
    await expect.poll(async () => {
      const v = await avatarOf(p, bId);
      return v ? Math.hypot(v.x - mic.x, v.z - mic.z) : Infinity;
    }).toBeLessThan(0.05);
  }
  const floor = (await hallOf(a.page))!.floor;
  expect(floor.name).toBe('Blake');
  expect(floor.endsAt - called).toBeGreaterThan(80_000);
  expect(floor.endsAt - called).toBeLessThan(95_000);
  expect((await hallOf(a.page))!.speakers).toContain(bId);
  await expect(a.page.getByRole('status', { name: 'Floor microphone' })).toContainText(/Blake has the floor · 1:[0-3]\d/);
  await expect(b.page.getByRole('status', { name: 'Floor microphone' })).toContainText('You have the floor');
  await expect(b.page.getByRole('button', { name: 'Give back the mic' })).toBeVisible();
  // Blake's own view is at the mic too (prediction follows the server, not the seat).
  await expect.poll(async () => {
    const seen = await hook(b.page, (h) => h.predicted());
    return seen ? Math.hypot(seen.x - mic.x, seen.z - mic.z) : Infinity;
  }).toBeLessThan(0.05);
  await a.page.screenshot({ path: testInfo.outputPath('floor-mic.png') });

  // Avery applauds: the server's aggregate reaches everyone, and shows for a moment.
  await a.page.getByRole('button', { name: 'Applause', exact: true }).click();
  await expect(moderator.page.getByLabel('Reactions just now')).toContainText('Applause 1');

  // The moderator ends the turn: Blake is back in the same seat.
  await moderator.page.getByRole('group', { name: 'Floor microphone' }).getByRole('button', { name: 'End turn' }).click();
  await expect.poll(async () => Promise.all(pages.map(async (p) => (await avatarOf(p, bId))?.seat))).toEqual([back, back, back, back]);
  await expect.poll(() => everyone(pages, (h) => h?.floor.holder)).toEqual(['', '', '', '']);

  // The question is answered; the host ends the event.
  await approvedList.getByRole('listitem').filter({ hasText: QUESTION }).getByRole('button', { name: 'Mark answered' }).click();
  await expect.poll(() => everyone(pages, (h) => approved(h)?.state)).toEqual(['answered', 'answered', 'answered', 'answered']);
  await host.page.getByRole('button', { name: 'End the event' }).click();
  await host.page.getByRole('button', { name: 'End now' }).click();
  await expect.poll(() => everyone(pages, (h) => h?.eventState)).toEqual(['ended', 'ended', 'ended', 'ended']);

  // Walking away from the seat: a movement key stands Blake up first, then the walk follows.
  await b.page.keyboard.down('s');
  await expect.poll(async () => (await avatarOf(b.page, bId))?.seat).toBe(-1);
  await b.page.keyboard.up('s');
  await expect.poll(async () => {
    const [server, predicted] = await Promise.all([hook(b.page, (h) => h.self()), hook(b.page, (h) => h.predicted())]);
    return server && predicted ? Math.hypot(server.x - predicted.x, server.z - predicted.z) : Infinity;
  }).toBeLessThan(0.05);

  for (const c of [host, moderator, a, b]) await c.context.close();

  // The record: the question with its vote and state, Blake's turn at the mic, equal time.
  const record = await callApi('eventRecord', { baseUrl: base, params: { id: eventId } });
  expect(record.event.state).toBe('ended');
  const asked = record.questions.find((q) => q.text === QUESTION);
  expect(asked).toMatchObject({ author: 'Avery', votes: 1, state: 'answered' });
  expect(record.floorTurns.map((t) => t.name)).toEqual(['Blake']);
  expect(record.floorTurns[0]!.endedAt).not.toBeNull();
  expect(record.equalTime).toEqual([expect.objectContaining({ name: 'Blake', turns: 1 })]);

  // The public page shows the same, and offers the CSV.
  const reader = await newVisitor();
  await reader.page.goto('/events');
  const past = reader.page.getByRole('list', { name: 'Past' });
  await past.getByRole('link', { name: 'Town hall: the 2027 budget' }).click();
  await expect(reader.page).toHaveURL(new RegExp(`/events/${eventId}$`));
  const row = reader.page.getByRole('table', { name: 'Questions' }).getByRole('row').filter({ hasText: QUESTION });
  await expect(row).toContainText('Avery');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await expect(row).toContainText('Answered');
  await expect(reader.page.getByRole('table', { name: 'Floor turns' })).toContainText('Blake');
  await expect(reader.page.getByRole('table', { name: 'Equal time' })).toContainText('Blake');
  await reader.page.screenshot({ path: testInfo.outputPath('event-record.png'), fullPage: true });
  const [download] = await Promise.all([
    reader.page.waitForEvent('download'),
    reader.page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const csvRow = csv.split(/\r?\n/).find((line) => line.includes(QUESTION));
  expect(csvRow).toBeDefined();
  expect(csvRow).toContain('Avery');
  expect(csvRow).toContain('answered');
});

test('a guest cannot moderate: a forged ModerateQuestion is refused with NOT_ALLOWED', async ({ baseURL }) => {
  const base = baseURL!;
  const { token } = await requestGuestSession(base, 'Mallory');
  const room = await joinSpace(base.replace(/^http/, 'ws'), { spaceId: 'townhall', token });
  room.onMessage(ServerMessage.Mine, () => undefined); // sent to everyone who enters; not the subject here
  try {
    const refusal = new Promise<ErrorPayload>((resolve) => room.onMessage(ServerMessage.Error, resolve));
    room.send(ClientMessage.ModerateQuestion, { id: 'any-question', action: 'approve' });
    const error = await refusal;
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.ref).toBe(ClientMessage.ModerateQuestion);
  } finally {
    await room.leave();
  }
});

test('a host schedules an event on the events page; it is listed as upcoming', async ({ newVisitor, baseURL }) => {
  await invitedAccount(baseURL!, { email: 'hugo.host@example.org', password: 'hugo hosts events too', name: 'Hugo Brandt' }, 'host', 'townhall');
  const { page } = await newVisitor();
  // Visitors see the programme but not the form.
  await page.goto('/events');
  await expect(page.getByRole('heading', { name: 'Events', level: 1 })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Schedule an event' })).toHaveCount(0);

  await signInThroughPage(page, { email: 'hugo.host@example.org', password: 'hugo hosts events too' }, '/login?next=/events');
  const form = page.getByRole('form', { name: 'Schedule an event' });
  await form.getByLabel('Title').fill('Ask the council: housing');
  await form.getByLabel('Description').fill('Questions on the housing plan.');
  await form.getByLabel('Start date').fill('2031-05-04');
  await form.getByLabel('Start time').fill('18:30');
  await form.getByRole('button', { name: 'Schedule event' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is scheduled' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Upcoming' })).toContainText('Ask the council: housing');
  const { events } = await callApi('listEvents', { baseUrl: baseURL!, query: { spaceId: 'townhall', state: 'scheduled' } });
  expect(events.find((e) => e.title === 'Ask the council: housing')?.startsAt).toBe(new Date('2031-05-04T18:30').toISOString());
});
