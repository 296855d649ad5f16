import type { Locator, Page } from '@playwright/test';
import type { Room } from 'colyseus.js';
import { callApi } from '../shared/protocol/apiClient.js';
import { ClientMessage } from '../shared/protocol/messages.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { invitedAccount, type Credentials } from './accounts.js';
import { expect, hook, test, waitReady } from './fixtures.js';
import { operate, paced } from './load/editOps.js';
import { ownServer, type OwnServer } from './ownServer.js';
import { joinSpace } from './scriptRoom.js';

/**
 * A visitor who uses only the keyboard (not one mouse call in this spec): enters the exhibition
 * hall, tours three published exhibits with Tab, opens each with Enter and closes it with
 * Escape, opens the shortcuts sheet with "?", then goes through the accessible view's doors to
 * the town hall, takes a seat, asks a question and raises a hand; the moderator (a script on
 * the real protocol) puts the question on the stage and calls them to the floor, and the live
 * regions say so. The curator publishes the exhibits through the room, as the editor does.
 */

const CURATOR: Credentials = { email: 'kay.curator@example.org', password: 'kay curates for keyboards', name: 'Kay Curator' };
const MODERATOR: Credentials = { email: 'moe.moderator@example.org', password: 'moe moderates for keyboards', name: 'Moe Lindqvist' };
const EXHIBITS = [
  { title: 'Bus lanes on the ring road', summary: 'Twelve kilometres of bus lanes by 2028.' },
  { title: 'Libraries open on Sundays', summary: 'All eleven branch libraries, 10:00 to 16:00.' },
  { title: 'Street trees', summary: 'A tree on every residential street within five years.' },
];
const EVENT = 'Ask the council: transport';
const QUESTION = 'Will the new bus lanes be open to bicycles as well?';

let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.dispose();
});

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through a page. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80): Promise<void> {
  for (let i = 0; i <= max; i++) {
    const focused = await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2_000 }).catch(() => false);
    if (focused) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${String(target)} was not reached with ${key} in ${max} presses`);
}

/**
 * The keys that reached window (where walking, the exhibit tour and the world's shortcuts listen)
 * since the last call: a listener installed on first use.
 */
async function keysAtWindow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { keysAtWindow?: string[] };
    if (!w.keysAtWindow) {
      const seen: string[] = [];
      w.keysAtWindow = seen;
      window.addEventListener('keydown', (e) => seen.push(e.code));
    }
    return w.keysAtWindow.splice(0);
  });
}

async function publishThree(base: string, token: string): Promise<string[]> {
  const room: Room<SpaceState> = await joinSpace(base.replace(/^http/, 'ws'), { spaceId: 'hall-1', token });
  room.onMessage('*', () => undefined);
  try {
    await operate(room, ClientMessage.EditMode, { on: true });
    const ids: string[] = [];
    for (const [i, e] of EXHIBITS.entries()) {
      const ack = await paced(room, ClientMessage.ExhibitCreate, { kind: 'panel', transform: { x: -4 + 4 * i, y: 0, z: -8, rx: 0, ry: 0, rz: 0, scale: 1 } });
      await paced(room, ClientMessage.ExhibitUpdate, {
        id: ack.id, text: { title: e.title, alt: '' },
        content: { kind: 'panel', summary: e.summary, body: `## Why\n${e.summary} The details are in the plan.`, sponsor: 'Keyboard Council' },
      });
      ids.push(ack.id!);
    }
    await callApi('publish', { baseUrl: base, token, params: { id: 'hall-1' }, body: { note: 'three for the keyboard tour' } });
    return ids;
  } finally {
    await room.leave();
  }
}

test('keyboard only: three exhibits, the shortcuts sheet, a seat, a question and a raised hand in a town hall event', async ({ newVisitor }) => {
  test.setTimeout(300_000);
  server = await ownServer();
  await server.start();
  const base = server.url;
  const curator = await invitedAccount(base, CURATOR, 'curator', 'hall-1', server.dataDir);
  const moderator = await invitedAccount(base, MODERATOR, 'moderator', 'townhall', server.dataDir);
  const ids = await publishThree(base, curator.token);
  // An event sooner than the seeded demo one (so it is the hall's current event), questions approved at once.
  await callApi('createEvent', {
    baseUrl: base, token: moderator.token,
    body: { spaceId: 'townhall', title: EVENT, startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), autoApprove: true },
  });

  const { page } = await newVisitor({ baseURL: base });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/s/hall-1');
  await expect(page.getByLabel('Display name')).toBeFocused();
  await page.keyboard.type('Kit');
  await page.keyboard.press('Enter');
  await waitReady(page);
  await expect.poll(() => hook(page, (h) => h.exhibits().map((e) => e.id))).toEqual(ids);

  // The first Tab reaches the skip link, the next the 3D view itself.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to accessible view' })).toBeFocused();
  await page.keyboard.press('Tab');
  const world = page.getByRole('application', { name: '3D view of Exhibition Hall' });
  await expect(world).toBeFocused();

  // Three exhibits: Tab highlights each in tour order (the hint says so), Enter opens, Escape closes.
  for (const [i, e] of EXHIBITS.entries()) {
    await page.keyboard.press('Tab');
    await expect.poll(() => hook(page, (h) => h.highlightedExhibit())).toBe(ids[i]);
    await expect(page.locator('.exhibit-hint')).toContainText(e.title);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: e.title });
    await expect(dialog).toContainText(e.summary);
    await expect(dialog.getByRole('heading', { name: e.title })).toBeFocused();
    // Keys pressed in the dialog are the dialog's: W, H and "?" never reach the world's listeners.
    await keysAtWindow(page);
    for (const key of ['KeyW', 'KeyH', 'Shift+Slash']) await page.keyboard.press(key);
    expect(await keysAtWindow(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => hook(page, (h) => h.openExhibit())).toBe('');
    await expect(world).toBeFocused();
  }
  // Past the last exhibit Tab goes on to the page's controls: nobody is trapped in the world.
  await page.keyboard.press('Tab');
  await expect(world).not.toBeFocused();
  await expect.poll(() => hook(page, (h) => h.highlightedExhibit())).toBe('');

  // "?" opens the shortcuts sheet as a modal dialog; focus stays inside and comes back after Escape.
  const before = await page.evaluate(() => document.activeElement?.textContent ?? '');
  await page.keyboard.press('Shift+Slash');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await sheet.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await keysAtWindow(page);
  await page.keyboard.press('KeyW');
  expect(await keysAtWindow(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  // The dialog gives focus back on the next frame after it closes.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(before);

  // The accessible view, from the skip link: every exhibit's full text is there too.
  await tabTo(page, page.getByRole('button', { name: 'Skip to accessible view' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  const view = page.locator('#accessible-view');
  await expect(page.getByRole('heading', { name: 'Exhibition Hall: accessible view', level: 1 })).toBeFocused();
  for (const e of EXHIBITS) await expect(view.getByRole('article', { name: e.title })).toContainText(e.summary);

  // Through the doors, by keyboard: the plaza, then the town hall.
  await tabTo(page, view.getByRole('button', { name: 'Go to Plaza' }));
  await page.keyboard.press('Enter');
  await expect.poll(() => hook(page, (h) => h.spaceId)).toBe('plaza');
  await waitReady(page);
  await expect(page.getByRole('heading', { name: 'Civic Plaza: accessible view', level: 1 })).toBeVisible();
  // Arrived where that door leads (the plaza's side of it), as walking through it would, not at the plaza's default spawn.
  const door = (await callApi('getSpace', { baseUrl: base, params: { id: 'hall-1' } })).space.portals.find((p) => p.to === 'plaza')!;
  const arrival = (await callApi('getSpace', { baseUrl: base, params: { id: 'plaza' } })).space.spawns.find((s) => s.id === door.toSpawn)!;
  const at = (await hook(page, (h) => h.self()))!;
  expect(Math.hypot(at.x - arrival.x, at.z - arrival.z), `near the ${door.toSpawn} spawn`).toBeLessThan(4);
  await tabTo(page, view.getByRole('button', { name: 'Go to Town Hall' }));
  await page.keyboard.press('Enter');
  await expect.poll(() => hook(page, (h) => h.spaceId)).toBe('townhall');
  await waitReady(page);
  await expect(view.getByRole('region', { name: 'Stage' })).toContainText(EVENT);
  const selfId = (await hook(page, (h) => h.selfId))!;
  const me = async () => hook(page, (h) => h.avatars().find((a) => a.id === h.selfId));

  // A seat in the second row, chosen with the arrow keys.
  await tabTo(page, view.getByLabel('Row'));
  await page.keyboard.press('ArrowDown');
  await expect(view.getByLabel('Row')).toHaveValue('2');
  await tabTo(page, view.getByRole('button', { name: 'Sit here' }));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await me())?.seat).toBeGreaterThanOrEqual(0);
  await expect(view.getByRole('region', { name: 'Seats' })).toContainText('You are sitting in row 2, seat 1.');

  // A question, typed and sent from the keyboard; approved at once at this event.
  await tabTo(page, view.getByLabel('Your question'));
  await page.keyboard.type(QUESTION);
  await tabTo(page, view.getByRole('button', { name: 'Send question' }));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await hook(page, (h) => h.hall()))?.questions.map((q) => q.text)).toEqual([QUESTION]);
  await expect(view.getByRole('list', { name: 'Questions' })).toContainText(QUESTION);

  // A raised hand: the button, then H lowers and raises it again.
  await tabTo(page, view.getByRole('button', { name: 'Raise hand' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await me())?.hand).toBeGreaterThan(0);
  await expect(view.getByRole('button', { name: 'Lower hand' })).toHaveAttribute('aria-pressed', 'true');

  // The moderator starts the event, puts the question on the stage and calls Kit to the floor.
  const mod: Room<SpaceState> = await joinSpace(base.replace(/^http/, 'ws'), { spaceId: 'townhall', token: moderator.token });
  mod.onMessage('*', () => undefined);
  try {
    await operate(mod, ClientMessage.EventRun, { action: 'start' });
    const questionId = (await hook(page, (h) => h.hall()))!.questions[0]!.id;
    await operate(mod, ClientMessage.ModerateQuestion, { id: questionId, action: 'answer' });
    await expect(page.locator('#answering-announcement')).toHaveText(`Now being answered: ${QUESTION}`);
    await expect(page.locator('#answering-announcement')).toHaveAttribute('aria-live', 'polite');
    await expect(page.locator('#event-announcement')).toHaveText('The event is live.');
    mod.send(ClientMessage.FloorCall, { sessionId: selfId });
    await expect(page.locator('#floor-announcement')).toHaveText(/^You have the floor/);
    await expect(page.locator('#floor-announcement')).toHaveAttribute('aria-live', 'assertive');
    await page.screenshot({ path: test.info().outputPath('accessible-view-floor.png'), fullPage: true });

    // Giving the mic back, by keyboard too.
    await tabTo(page, view.getByRole('button', { name: 'Give back the mic' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await hook(page, (h) => h.hall()))?.floor.holder).toBe('');
    await expect(page.locator('#floor-announcement')).toHaveText('');
    // The button went with the turn; the keyboard is on the hand button in its place, not lost.
    await expect(view.getByRole('button', { name: /^(Raise|Lower) hand$/ })).toBeFocused();
  } finally {
    await mod.leave();
  }

  // Escape returns to the 3D view, with the keyboard on it.
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(page.getByRole('application', { name: '3D view of Town Hall' })).toBeFocused();
});
