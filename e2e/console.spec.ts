import { invitedAccount, signInThroughPage, type Credentials } from './accounts.js';
import { guestBot, openDesk } from './eventDay.js';
import { callApi } from '../shared/protocol/apiClient.js';
import { enter, expect, hook, test } from './fixtures.js';
import { ownServer, type OwnServer } from './ownServer.js';

/**
 * Issue 21: a moderator runs an event from the console alone (/events/<id>/moderate, a whole
 * page with its own connection and no avatar) while a voter in the town hall sees every effect:
 * approval, a merged duplicate, the stage screen, the floor mic, a mute; a removal and a ban of
 * two others; then the end of the event as the voter sees it: ended, the host's closing note,
 * hands and questions closed, and the link to the record.
 */

const MODERATOR: Credentials = { email: 'cleo.console@example.org', password: 'cleo runs the console', name: 'Cleo Console' };
const QUESTION = 'Will the library stay open on Sunday afternoons?';

// Its own server: this spec starts and ends the seeded event, which others expect untouched.
let server: OwnServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await ownServer();
  await server.start();
});
test.afterAll(async () => {
  await server?.dispose();
});

test('a moderator runs an event from the console while a voter sees it', async ({ newVisitor }, testInfo) => {
  test.setTimeout(300_000);
  const base = server.url;
  const { token } = await invitedAccount(base, MODERATOR, 'moderator', 'townhall', server.dataDir);
  // An event to run: the one the hall shows, or a new one if the last has ended.
  const look = await openDesk(base, token);
  let eventId = look.room.state.hall.event.id;
  if (['ended', 'none'].includes(look.room.state.hall.event.state)) {
    eventId = (await callApi('createEvent', { baseUrl: base, token, body: { spaceId: 'townhall', title: 'Riverside ward hustings', startsAt: new Date(Date.now() + 60_000).toISOString() } })).id;
    await expect.poll(() => look.room.state.hall.event.id).toBe(eventId);
  }
  await look.room.leave(true);

  const mod = await newVisitor({ baseURL: base, device: { viewport: { width: 1280, height: 720 } } });
  const desk = mod.page;
  await signInThroughPage(desk, MODERATOR, `/login?next=${encodeURIComponent(`/events/${eventId}/moderate`)}`);
  await expect(desk.getByRole('heading', { name: /^Moderating: / })).toBeVisible();
  await expect(desk.getByRole('heading', { name: /^Waiting/ })).toBeVisible();
  const eventBox = desk.getByRole('region', { name: 'Event' });
  if (await eventBox.getByRole('button', { name: 'Start the event' }).isVisible()) await eventBox.getByRole('button', { name: 'Start the event' }).click();
  await expect(eventBox).toContainText('Live');

  // The voter's 3D view is drawn in software: 960 px wide keeps the Q&A open and the frames cheap.
  const voter = await newVisitor({ baseURL: base, device: { viewport: { width: 960, height: 600 } } });
  const wren = voter.page;
  await enter(wren, 'Wren', '/s/townhall');
  const tess = await guestBot(base, 'Tess');
  const uma = await guestBot(base, 'Uma');
  await expect.poll(() => hook(wren, (h) => h.hall()?.eventState), { timeout: 60_000 }).toBe('live');

  // Wren asks; the console shows it waiting, with her name, and approves it.
  await wren.getByRole('tab', { name: 'Ask' }).click();
  await wren.getByLabel('Your question').fill(QUESTION);
  await wren.getByRole('button', { name: 'Send question' }).click();
  const waiting = desk.getByRole('list', { name: 'Waiting questions' });
  const card = waiting.getByRole('listitem').filter({ hasText: QUESTION });
  await expect(card).toContainText('Wren');
  await card.getByRole('button', { name: 'Approve' }).click();
  const seen = () => hook(wren, (h) => h.hall()?.questions.find((q) => q.text === 'Will the library stay open on Sunday afternoons?'));
  await expect.poll(async () => (await seen())?.state).toBe('approved');

  // Tess asks the same thing in other words; the moderator merges it into Wren's: her vote moves there.
  await tess.ask('Is the library going to open on Sundays?');
  const duplicate = waiting.getByRole('listitem').filter({ hasText: 'Is the library going to open on Sundays?' });
  await duplicate.getByRole('button', { name: /^Merge/ }).click();
  await desk.getByRole('menuitem', { name: new RegExp(QUESTION.slice(0, 30)) }).click();
  await expect(duplicate).toHaveCount(0);
  await expect.poll(async () => (await seen())?.votes).toBe(1);

  // The search finds it by a word, whatever the case; nothing else matches "SUNDAY".
  const search = desk.getByRole('searchbox', { name: /^Search questions/ });
  await desk.keyboard.press('/');
  await expect(search).toBeFocused();
  await search.fill('SUNDAY afternoons');
  await expect(desk.getByRole('list', { name: 'Approved questions' }).getByRole('listitem')).toHaveCount(1);
  await search.fill('');
  await search.blur();

  // Keyboard: N puts the top approved question on the screen, M marks it answered.
  await desk.keyboard.press('n');
  await expect.poll(() => hook(wren, (h) => h.hall()?.answering)).toBe(QUESTION);
  await desk.screenshot({ path: testInfo.outputPath('console-desktop.png') });
  await desk.keyboard.press('m');
  await expect.poll(async () => (await seen())?.state).toBe('answered');
  await expect(desk.getByRole('list', { name: 'Answered questions' })).toContainText(QUESTION);

  // Wren raises her hand; C calls her to the floor mic; +30 s; E ends her turn.
  await wren.getByRole('button', { name: 'Raise hand' }).click();
  await expect(desk.getByRole('list', { name: 'Raised hands, in order' })).toContainText('Wren');
  await desk.keyboard.press('c');
  const wrenId = await hook(wren, (h) => h.selfId);
  await expect.poll(() => hook(wren, (h) => h.hall()?.floor.holder)).toBe(wrenId);
  const endsAt = (await hook(wren, (h) => h.hall()?.floor.endsAt))!;
  await desk.getByRole('button', { name: 'Add 30 seconds' }).click();
  await expect.poll(() => hook(wren, (h) => h.hall()?.floor.endsAt)).toBe(endsAt + 30_000);
  await desk.keyboard.press('e');
  await expect.poll(() => hook(wren, (h) => h.hall()?.floor.holder)).toBe('');

  // Mute: Wren's next question is refused with the sentence; unmute.
  await desk.getByRole('button', { name: 'Mute Wren', exact: true }).click();
  await expect(desk.getByRole('button', { name: 'Unmute Wren' })).toBeVisible();
  await wren.getByRole('tab', { name: 'Ask' }).click();
  await wren.getByLabel('Your question').fill('And the swimming pool?');
  await wren.getByRole('button', { name: 'Send question' }).click();
  await expect(wren.getByRole('alert').filter({ hasText: 'muted' })).toBeVisible();
  await desk.getByRole('button', { name: 'Unmute Wren' }).click();
  await expect(desk.getByRole('button', { name: 'Mute Wren', exact: true })).toBeVisible();

  // Remove Tess and ban Uma, each confirmed in a dialog: both are shown out.
  const gone = (bot: typeof tess) => new Promise<number>((resolve) => bot.room.onLeave((code) => resolve(code)));
  const tessGone = gone(tess);
  await desk.getByRole('button', { name: 'Remove Tess' }).click();
  await desk.getByRole('dialog').getByRole('button', { name: 'Remove Tess' }).click();
  expect(await tessGone).toBe(4403);
  const umaGone = gone(uma);
  await desk.getByRole('button', { name: 'Ban Uma' }).click();
  await desk.getByRole('dialog').getByLabel('Reason for banning Uma').fill('abusive questions');
  await desk.getByRole('dialog').getByRole('button', { name: 'Ban Uma' }).click();
  expect(await umaGone).toBe(4403);
  await expect(desk.getByRole('region', { name: 'Bans in force' })).toContainText('Uma');

  // The closing note, then the end, confirmed.
  await desk.getByLabel(/^Closing note on the stage screen/).fill('Thank you, Riverside. The record is online.');
  await desk.getByRole('button', { name: 'Thank everyone' }).click();
  await expect(desk.getByRole('status').filter({ hasText: 'when the event ends' }).first()).toBeVisible();
  await eventBox.getByRole('button', { name: 'End the event' }).click();
  await desk.getByRole('alertdialog').getByRole('button', { name: 'End now' }).click();

  // Wren sees it has ended: the note, the record's link; no hand to raise, no questions to ask.
  await expect.poll(() => hook(wren, (h) => h.hall()?.eventState)).toBe('ended');
  expect(await hook(wren, (h) => h.hall()?.thanks)).toBe('Thank you, Riverside. The record is online.');
  const status = wren.getByRole('region', { name: 'Event' });
  await expect(status).toContainText('Thank you, Riverside.');
  await expect(status.getByRole('link', { name: 'Read the record' })).toHaveAttribute('href', `/events/${eventId}`);
  await expect(wren.getByRole('button', { name: 'Raise hand' })).toHaveCount(0);
  await wren.getByRole('tab', { name: 'Ask' }).click();
  await expect(wren.getByText('The event has ended, so questions are closed.')).toBeVisible();
  await wren.setViewportSize({ width: 1280, height: 720 });
  await wren.screenshot({ path: testInfo.outputPath('voter-ended-desktop.png') });
  await desk.screenshot({ path: testInfo.outputPath('console-ended-desktop.png') });
  await wren.setViewportSize({ width: 390, height: 844 });
  await wren.screenshot({ path: testInfo.outputPath('voter-ended-phone.png') });
  await desk.setViewportSize({ width: 390, height: 844 });
  await desk.screenshot({ path: testInfo.outputPath('console-phone.png'), fullPage: true });
  const record = await callApi('eventRecord', { baseUrl: base, params: { id: eventId } });
  expect(record.questions.some((q) => q.text === QUESTION)).toBe(true);
});
