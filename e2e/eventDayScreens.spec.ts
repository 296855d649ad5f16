import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from '@playwright/test';
import { callApi } from '../shared/protocol/apiClient.js';
import { ClientMessage } from '../shared/protocol/messages.js';
import { adminSession, enterSignedIn, invitedAccount, signInThroughPage, type Credentials } from './accounts.js';
import { approve, guestBot, openDesk } from './eventDay.js';
import { expect, framesDrawn, hook, test, waitReady, type Visitor } from './fixtures.js';

/**
 * The event day's screenshots for the README (docs/screens/event-day): not a test of its own
 * (the event-day specs check all of this), so it runs only when asked:
 *   npm run build:test && SCREENS=1 E2E_PORT=4330 npx playwright test e2e/eventDayScreens.spec.ts
 * Desktop 1280x720 and phone 390x844 (touch, pixel ratio 1); the console also at 820x1180.
 */

const OUT = process.env.SCREENS_DIR ?? 'docs/screens/event-day';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
const HOST: Credentials = { email: 'hana.screens@example.org', password: 'hana hosts the hustings', name: 'Hana Okafor' };
const MODERATOR: Credentials = { email: 'mo.moderates@example.org', password: 'mo moderates the hustings', name: 'Morgan Reyes' };
const TITLE = 'Riverside ward hustings';
const DESCRIPTION = 'The four candidates for Riverside ward answer your questions on housing, buses and the high street.';
const QUESTIONS = [
  'Will the 42 bus run after midnight again?',
  'How many of the new flats on the old depot site will be social rent?',
  'What will you do about the empty shops on the high street?',
  'Can the library open on Sunday afternoons?',
];
const DUPLICATE = 'Is the 42 going to run late at night again?';

test.skip(!process.env.SCREENS, 'screenshots for the README: SCREENS=1 to take them');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

/** Until the page has drawn a few more frames (a change of state reaches the 3D view). */
const frames = (page: Page, n = 6): Promise<void> => framesDrawn(page, n);

test('the event day, as screenshots', async ({ newVisitor, baseURL }) => {
  test.setTimeout(900_000);
  fs.mkdirSync(OUT, { recursive: true });
  const base = baseURL!;
  const admin = await adminSession(base);
  await invitedAccount(base, HOST, 'host', 'townhall');
  const { token: modToken } = await invitedAccount(base, MODERATOR, 'moderator', 'townhall');

  // The event, live, run from a console connection (no avatar); four questions from three guests,
  // approved, a duplicate merged, a few votes; a ballot and a consensus question in the town hall.
  const event = await callApi('createEvent', {
    baseUrl: base, token: modToken,
    body: { spaceId: 'townhall', title: TITLE, description: DESCRIPTION, startsAt: new Date(Date.now() - 60_000).toISOString(), autoApprove: false },
  });
  const desk = await openDesk(base, modToken);
  await expect.poll(() => desk.room.state.hall.event.id).toBe(event.id);
  desk.room.send(ClientMessage.EventRun, { action: 'start' });
  await expect.poll(() => desk.room.state.hall.event.state).toBe('live');
  const bots = [await guestBot(base, 'Priya'), await guestBot(base, 'Tomasz'), await guestBot(base, 'Grace')];
  const ids: string[] = [];
  for (const [i, text] of QUESTIONS.entries()) ids.push(await bots[i % bots.length]!.ask(text));
  for (const id of ids.slice(0, 3)) await approve(desk, id);
  const duplicate = await bots[2]!.ask(DUPLICATE);
  await expect.poll(() => desk.seen.queue?.pending.some((q) => q.id === duplicate) ?? false).toBe(true);
  desk.room.send(ClientMessage.ModerateQuestion, { id: duplicate, action: 'merge', into: ids[0] });
  await expect.poll(() => desk.room.state.hall.questions.get(ids[0]!)?.votes ?? 0).toBe(1);
  bots[1]!.vote(ids[1]!);
  bots[0]!.vote(ids[1]!);
  bots[1]!.vote(ids[2]!);
  await expect.poll(() => desk.room.state.hall.questions.get(ids[1]!)?.votes ?? 0).toBe(2);
  const ballot = await callApi('createBallot', {
    baseUrl: base, token: admin.token, params: { id: 'townhall' },
    body: {
      title: 'Where should the ward budget go?', voters: { accounts: true, codes: false, guests: true },
      proposals: [{ title: 'Late-night buses' }, { title: 'Street trees' }, { title: 'Library hours' }],
    },
  });
  await callApi('updateBallot', { baseUrl: base, token: admin.token, params: { id: 'townhall', ballotId: ballot.id }, body: { phase: 'open' } });
  await callApi('askConsensus', {
    baseUrl: base, token: admin.token, params: { id: 'townhall' },
    body: { question: 'What should the ward do first?', statements: ['Fix the pavements before anything else.', 'Keep the library open on Sundays.', 'Buses should run all night.'] },
  });

  // 1. The front page with the event live; 2. arriving in its town hall, in one step.
  const voters: Record<'desktop' | 'phone', Visitor> = { desktop: await newVisitor({ device: DESKTOP }), phone: await newVisitor({ device: PHONE }) };
  for (const [size, v] of Object.entries(voters)) {
    await v.page.goto('/');
    await expect(v.page.getByRole('region', { name: 'Live now' })).toContainText(TITLE);
    await expect(v.page.getByRole('region', { name: 'Live now' }).locator('[data-present]')).toContainText(/in the Town Hall/);
    await shot(v.page, `landing-${size}`);
    await v.page.getByLabel('Display name').fill(size === 'desktop' ? 'Wren' : 'Pia');
    await v.page.getByRole('button', { name: 'Join the live event' }).click();
    await waitReady(v.page);
    await expect.poll(async () => (await hook(v.page, (h) => h.hall()))?.questions.length ?? 0, { timeout: 60_000 }).toBe(3);
    await frames(v.page, 12);
    await shot(v.page, `arrival-${size}`);
  }
  const wren = voters.desktop.page;
  const pia = voters.phone.page;

  // 3. The question list: Wren's (open beside the view), Pia's in the sheet (closed, then open).
  // Wren backs the depot question; the list confirms her vote once the server has counted it.
  const list = wren.getByRole('list', { name: 'Questions' });
  await list.getByRole('listitem').filter({ hasText: QUESTIONS[1]! }).getByRole('button', { name: /^Upvote/ }).click();
  await expect(list.getByRole('listitem').filter({ hasText: QUESTIONS[1]! })).toContainText('your vote');
  await wren.mouse.move(640, 700);
  await shot(wren, 'questions-desktop');
  await shot(pia, 'phone-sheet-closed');
  await pia.getByRole('button', { name: 'Show questions and answers' }).tap();
  await expect(pia.getByRole('list', { name: 'Questions' })).toContainText(QUESTIONS[1]!);
  await frames(pia);
  await shot(pia, 'phone-sheet-open');
  await pia.getByRole('button', { name: 'Hide questions and answers' }).tap();

  // 4. The host goes to the stage: her view (the confidence monitor at her feet) and the audience's.
  const host = await newVisitor({ device: DESKTOP });
  const h = host.page;
  await enterSignedIn(h, HOST, '/s/townhall');
  await h.getByRole('button', { name: 'Go to the stage' }).click();
  await expect(h.getByRole('status').filter({ hasText: 'You are live' })).toBeVisible();
  const hostId = (await hook(h, (x) => x.selfId))!;
  await expect.poll(async () => {
    const seen = await wren.evaluate((id) => window.__hustings!.remote(id), hostId);
    // On the stage (z < -7.4), facing +z: yaw pi, give or take 0.1 rad.
    return seen !== undefined && seen.z < -7.4 && Math.abs(Math.atan2(Math.sin(seen.yaw - Math.PI), Math.cos(seen.yaw - Math.PI))) < 0.1;
  }, { message: 'Wren sees the host on the stage, facing the hall', timeout: 60_000 }).toBe(true);
  desk.room.send(ClientMessage.ModerateQuestion, { id: ids[1], action: 'answer' });
  await expect.poll(async () => (await hook(h, (x) => x.hall()))?.answering ?? '').toBe(QUESTIONS[1]);
  await frames(h, 12);
  await shot(h, 'host-on-stage-desktop');
  await frames(wren, 12);
  await shot(wren, 'audience-sees-host-desktop');
  await frames(pia, 12);
  await shot(pia, 'audience-sees-host-phone');
  // The host on a phone: the same account in a phone's browser (the desktop one leaves first).
  await host.context.close();
  const hostPhone = await newVisitor({ device: PHONE });
  const hp = hostPhone.page;
  await enterSignedIn(hp, HOST, '/s/townhall');
  await hp.getByRole('button', { name: 'Go to the stage' }).tap();
  await expect(hp.getByRole('status').filter({ hasText: 'You are live' })).toBeVisible();
  await expect.poll(async () => (await hook(hp, (x) => x.self()))?.z ?? 0).toBeLessThan(-7.4);
  await frames(hp, 12);
  await shot(hp, 'host-on-stage-phone');

  // 5. The ballot and the consensus question in the right column.
  for (const [size, page] of [['desktop', wren], ['phone', pia]] as const) {
    await page.getByRole('button', { name: 'Show the ballot' }).click();
    await expect(page.getByTestId('credits-left')).toBeVisible();
    await frames(page);
    await shot(page, `ballot-${size}`);
    await page.getByRole('button', { name: 'Hide the ballot' }).click();
    await page.getByRole('button', { name: /^Consensus/ }).click();
    await expect(page.getByRole('region', { name: 'Consensus' })).toContainText('What should the ward do first?');
    await frames(page);
    await shot(page, `consensus-${size}`);
    await page.getByRole('region', { name: 'Consensus' }).getByRole('button', { name: 'Close' }).click();
  }

  // 6. The moderator console: desktop, tablet, phone.
  const mod = await newVisitor({ device: DESKTOP });
  const m = mod.page;
  await signInThroughPage(m, MODERATOR, `/login?next=${encodeURIComponent(`/events/${event.id}/moderate`)}`);
  await expect(m.getByRole('heading', { name: /^Moderating: / })).toBeVisible();
  await expect(m.getByRole('list', { name: 'Waiting questions' })).toContainText(QUESTIONS[3]!);
  await expect(m.getByRole('list', { name: 'Approved questions' })).toContainText(QUESTIONS[0]!);
  await shot(m, 'console-desktop');
  await m.setViewportSize({ width: 820, height: 1180 });
  await shot(m, 'console-tablet');
  await m.setViewportSize({ width: 390, height: 844 });
  await shot(m, 'console-phone');

  // 7. The end, as a voter sees it: the note on the screen, the record's link, hands and questions closed.
  desk.room.send(ClientMessage.EventThanks, { text: 'Thank you, Riverside. The record is online.' });
  desk.room.send(ClientMessage.EventRun, { action: 'end' });
  for (const [size, page] of [['desktop', wren], ['phone', pia]] as const) {
    await expect.poll(() => hook(page, (x) => x.hall()?.eventState)).toBe('ended');
    await expect(page.getByRole('region', { name: 'Event' }).getByRole('link', { name: 'Read the record' })).toBeVisible();
    await frames(page, 12);
    await shot(page, `ended-${size}`);
  }

  // 8. The record, with the merged duplicate under the question it repeats.
  for (const [size, v] of Object.entries(voters)) {
    const page = await v.newPage();
    await page.goto(`/events/${event.id}`);
    await expect(page.getByRole('list', { name: 'Merged into this question' })).toContainText(DUPLICATE);
    await shot(page, `record-${size}`);
  }

  // 9. Every bad link.
  const links = [
    ['event-damaged', '/events/%E0%A4%A', 'This event link is damaged'],
    ['event-unknown', '/events/3f1c2a9e-not-an-event', 'There is no such event'],
    ['exhibit-damaged', '/s/hall-1/e/abc', 'This exhibit link is damaged'],
    ['exhibit-removed', '/s/hall-1/e/removed-exhibit-42', 'That exhibit is not on show'],
    ['space-path', '/s/hall-1/exhibit/abc', 'Nothing is at this address'],
    ['not-found', '/no/such/page', 'There is no such page'],
    ['invite-damaged', '/invite/%E0%A4%A', 'This invitation link is damaged'],
  ] as const;
  for (const [size, device] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    const v = await newVisitor({ device });
    for (const [name, link, heading] of links) {
      await v.page.goto(link);
      await expect(v.page.getByRole('heading', { name: heading })).toBeVisible();
      await shot(v.page, `bad-link-${name}-${size}`);
    }
  }
  for (const b of bots) await b.room.leave();
  await desk.room.leave();
});
