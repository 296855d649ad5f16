import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { callApi } from '../shared/protocol/apiClient.js';
import { wrapAngle, yawTowards } from '../shared/spaces/movement.js';
import { ClientMessage, ServerMessage } from '../shared/protocol/messages.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { adminSession, enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { coveredHeaderControls, enter, expect, hook, test } from './fixtures.js';
import { operate } from './load/editOps.js';
import { ownServer, type OwnServer } from './ownServer.js';
import { joinSpace } from './scriptRoom.js';

/**
 * A phone visitor (390 x 844, touch, a 3x screen): the graphics tier drops by itself, a finger
 * on the thumb stick walks (the server moves the avatar), a finger on the view turns it, a tap
 * opens an exhibit, and in the town hall a tap takes a seat and the Q&A works at phone size.
 * Touches are real ones (CDP Input.dispatchTouchEvent, and Playwright's touchscreen.tap).
 * Its own server: it publishes an exhibit.
 */

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 } as const;
const MODERATOR: Credentials = { email: 'mo.phone@example.org', password: 'mo moderates from a desk', name: 'Mo Lindgren' };
const TITLE = 'Free buses for under-18s';
const QUESTION = 'Will the free buses run on Sundays too?';
const SHOTS = 'test-results/phone';

let server: OwnServer;
let exhibitId = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await ownServer();
  await server.start();
  // An admin (who may curate) places one panel in front of the hall's entrance and publishes it.
  const admin = await adminSession(server.url, server.dataDir);
  const room = await joinSpace<SpaceState>(server.url.replace(/^http/, 'ws'), { spaceId: 'hall-1', token: admin.token });
  room.onMessage(ServerMessage.EditHistory, () => undefined);
  try {
    await operate(room, ClientMessage.EditMode, { on: true });
    const ack = await operate(room, ClientMessage.ExhibitCreate, { kind: 'panel', transform: { x: -2, y: 0, z: 0, rx: 0, ry: -Math.PI / 2, rz: 0, scale: 1 } });
    exhibitId = ack.id!;
    await operate(room, ClientMessage.ExhibitUpdate, {
      id: exhibitId,
      text: { title: TITLE, alt: '' },
      content: { kind: 'panel', summary: 'Every young person rides free, paid for by a levy on workplace parking.', body: '## What changes\nFares go, routes stay.', sponsor: 'Phone Test Council' },
    });
  } finally {
    await room.leave();
  }
  await callApi('publish', { baseUrl: server.url, token: admin.token, params: { id: 'hall-1' }, body: { note: 'phone test' } });
});

test.afterAll(async () => {
  await server?.dispose();
});

/** One finger, moved by CDP touch events as a phone's screen would report it. */
class Finger {
  private constructor(private readonly cdp: CDPSession, private readonly id: number) {}
  static async of(context: BrowserContext, page: Page, id = 1): Promise<Finger> {
    return new Finger(await context.newCDPSession(page), id);
  }
  private send(type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) {
    return this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: this.id, radiusX: 8, radiusY: 8, force: 1 }] });
  }
  async down(x: number, y: number) { await this.send('touchStart', x, y); }
  async move(fromX: number, fromY: number, toX: number, toY: number, steps = 6) {
    for (let i = 1; i <= steps; i++) await this.send('touchMove', fromX + ((toX - fromX) * i) / steps, fromY + ((toY - fromY) * i) / steps);
  }
  async up() { await this.send('touchEnd', 0, 0); }
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where a world point is on screen, once it is on the canvas and not under an overlay. */
async function onCanvas(page: Page, x: number, y: number, z: number): Promise<{ x: number; y: number }> {
  let at: { x: number; y: number } | undefined;
  await expect.poll(async () => {
    at = await page.evaluate((p) => {
      const s = window.__hustings!.project(p.x, p.y, p.z);
      return s && document.elementFromPoint(s.x, s.y)?.tagName === 'CANVAS' ? s : undefined;
    }, { x, y, z });
    return at !== undefined;
  }, { message: `(${x}, ${y}, ${z}) is on the canvas, not under an overlay` }).toBe(true);
  return at!;
}

/** Turn to face (x, z) by dragging a finger across the view, as a person does (about 167 px a radian). */
async function turnTowards(page: Page, finger: Finger, x: number, z: number): Promise<void> {
  const off = async () => {
    const now = (await hook(page, (h) => h.predicted()))!;
    return wrapAngle(yawTowards(now.x, now.z, x, z) - now.yaw);
  };
  // Across the middle of the 3D view (in the town hall it ends above the bottom sheet).
  const view = (await page.locator('.world-canvas canvas').boundingBox())!;
  const y = Math.round(view.y + view.height / 2);
  for (let attempt = 0; attempt < 6 && Math.abs(await off()) > 0.05; attempt++) {
    const before = await off();
    const dx = Math.max(-150, Math.min(150, -before / 0.006));
    await finger.down(195 - dx / 2, y);
    await finger.move(195 - dx / 2, y, 195 + dx / 2, y);
    await finger.up();
    await expect.poll(async () => Math.abs(await off())).toBeLessThan(Math.abs(before));
  }
}

/** Nothing of `selector` lies outside the viewport (reachable without scrolling a fixed page). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].every((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
  }), selector);
}

test('on a phone: a low graphics tier, the thumb stick walks, a drag looks, a tap opens an exhibit', async ({ newVisitor }) => {
  test.setTimeout(180_000);
  const phone = await newVisitor({ baseURL: server.url, device: PHONE });
  const p = phone.page;
  await enter(p, 'Priya', '/s/hall-1');

  // The tier chose itself: pixel ratio capped well under the screen's 3, no shadows, fewer tags.
  // (This machine draws WebGL in software, which asks for the low tier too; the phone's own
  // reason must be there as well.)
  const graphics = await hook(p, (h) => h.graphics());
  expect(graphics).toMatchObject({ choice: 'auto', tier: 'low', shadows: false, nameTags: 5 });
  expect(graphics.because).toContain('handheld');
  expect(graphics.pixelRatio).toBeLessThanOrEqual(1.25);
  await expect(p.locator('.touch-stick')).toBeVisible();
  await expect(p.getByRole('status').filter({ hasText: 'Drag the stick to walk' })).toBeVisible();
  // Every control of the header is on screen and not covered (the Leave button was, before).
  expect(await inViewport(p, '.header, .people, .touch-stick')).toBe(true);
  expect(await coveredHeaderControls(p)).toEqual([]);
  await p.screenshot({ path: `${SHOTS}/hall-arrived.png` });

  // A tap on the exhibit, ahead across the hall, opens it.
  await expect.poll(() => hook(p, (h) => h.exhibits().length)).toBe(1);
  const panel = await onCanvas(p, -2, 1.3, 0);
  await p.touchscreen.tap(panel.x, panel.y);
  await expect.poll(() => hook(p, (h) => h.openExhibit())).toBe(exhibitId);
  const dialog = p.getByRole('dialog', { name: TITLE });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Fares go, routes stay.');
  expect(await inViewport(p, '.exhibit-detail')).toBe(true);
  await p.screenshot({ path: `${SHOTS}/exhibit-open.png` });
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().tap();
  await expect.poll(() => hook(p, (h) => h.openExhibit())).toBe('');

  // A finger slides a little as it lifts: a tap that moved 9 px still opens it (the browser reports
  // a tap where the finger came down, so a drag-to-look never swallows it).
  const wobbly = await Finger.of(phone.context, p, 3);
  const again = await onCanvas(p, -2, 1.3, 0);
  await wobbly.down(again.x, again.y);
  await wobbly.move(again.x, again.y, again.x + 9, again.y, 3);
  await wobbly.up();
  await expect.poll(() => hook(p, (h) => h.openExhibit()), { message: 'a slightly sliding tap opens the exhibit' }).toBe(exhibitId);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().tap();
  await expect.poll(() => hook(p, (h) => h.openExhibit())).toBe('');

  // A finger dragged across the view turns it (and the avatar): right to left turns right.
  const yawBefore = (await hook(p, (h) => h.self()))!.yaw;
  const look = await Finger.of(phone.context, p, 2);
  await look.down(300, 420);
  await look.move(300, 420, 250, 420);
  await look.up();
  await expect.poll(async () => (await hook(p, (h) => h.self()))!.yaw, { message: 'the server has the new facing' }).toBeCloseTo(yawBefore + 50 * 0.006, 2);
  // ...and back, so the exhibit is straight ahead again.
  await look.down(250, 420);
  await look.move(250, 420, 300, 420);
  await look.up();
  await expect.poll(async () => (await hook(p, (h) => h.self()))!.yaw).toBeCloseTo(yawBefore, 2);

  // The thumb stick pushed up walks forward: the server's position of the avatar moves ahead.
  const start = (await hook(p, (h) => h.self()))!;
  const forward = { x: -Math.sin(start.yaw), z: -Math.cos(start.yaw) };
  const stick = await centreOf(p, '.touch-stick');
  const thumb = await Finger.of(phone.context, p, 1);
  await thumb.down(stick.x, stick.y);
  await thumb.move(stick.x, stick.y, stick.x, stick.y - 44);
  await expect(p.locator('.touch-stick')).toHaveAttribute('data-active', 'true');
  const ahead = async () => {
    const now = (await hook(p, (h) => h.self()))!;
    return (now.x - start.x) * forward.x + (now.z - start.z) * forward.z;
  };
  try {
    // Walking up to the exhibit highlights it, and the stick stops there.
    await expect.poll(() => hook(p, (h) => h.highlightedExhibit()), { timeout: 30_000, intervals: [50] }).toBe(exhibitId);
  } finally {
    await thumb.up();
  }
  expect(await ahead()).toBeGreaterThan(2);
  const sideways = async () => {
    const now = (await hook(p, (h) => h.self()))!;
    return Math.abs((now.x - start.x) * forward.z - (now.z - start.z) * forward.x);
  };
  expect(await sideways()).toBeLessThan(0.3);
  await expect(p.locator('.touch-stick')).not.toHaveAttribute('data-active', 'true');
  // The server may still be applying the last intents sent: once its position has settled
  // (unchanged between two readings 300 ms apart), our own prediction agrees with it. Both are
  // read in one call, so the comparison is never against a stale server position.
  const both = () => hook(p, (h) => ({ server: h.self()!, predicted: h.predicted()! }));
  let last = await both();
  await expect.poll(async () => {
    const now = await both();
    const settled = now.server.x === last.server.x && now.server.z === last.server.z;
    last = now;
    return settled ? Math.hypot(now.predicted.x - now.server.x, now.predicted.z - now.server.z) : Infinity;
  }, { message: 'the prediction agrees with the settled server position', intervals: [300] }).toBeLessThan(0.05);

  // Near it, a thumb-sized Open button; a tap opens it again.
  const open = p.getByRole('button', { name: `Open ${TITLE}` });
  await expect(open).toBeVisible();
  await p.screenshot({ path: `${SHOTS}/hall-near-exhibit.png` });
  await open.tap();
  await expect.poll(() => hook(p, (h) => h.openExhibit())).toBe(exhibitId);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().tap();

  // The visitor can choose the high tier; it applies at once and is remembered.
  await p.getByRole('button', { name: 'View', exact: true }).tap();
  await expect(p.getByText('Chosen for a phone or small tablet and a browser drawing without a graphics card.')).toBeVisible();
  await p.getByLabel('Graphics').selectOption('high');
  await expect.poll(() => hook(p, (h) => h.graphics())).toMatchObject({ choice: 'high', tier: 'high', shadows: true, nameTags: 12 });
  expect((await hook(p, (h) => h.graphics())).pixelRatio).toBe(1.5);
  await p.screenshot({ path: `${SHOTS}/hall-high-tier.png` });
  await p.reload(); // the same tab comes back into the world by itself
  await expect.poll(() => p.evaluate(() => window.__hustings?.ready === true), { timeout: 60_000 }).toBe(true);
  expect(await hook(p, (h) => h.graphics())).toMatchObject({ choice: 'high', tier: 'high' });
});

test('on a phone in the town hall: a tap takes a seat, the Q&A and the hand work at phone size', async ({ newVisitor }) => {
  test.setTimeout(240_000);
  await invitedAccount(server.url, MODERATOR, 'moderator', 'townhall', server.dataDir);
  const { space: layout } = await callApi('getSpace', { baseUrl: server.url, params: { id: 'townhall' } });
  const moderator = await newVisitor({ baseURL: server.url });
  const m = moderator.page;
  await m.setViewportSize({ width: 1000, height: 700 });
  await enterSignedIn(m, MODERATOR, '/s/townhall');
  const phone = await newVisitor({ baseURL: server.url, device: PHONE });
  const p = phone.page;
  await enter(p, 'Priya', '/s/townhall');
  await p.screenshot({ path: `${SHOTS}/townhall-arrived.png` });
  expect(await inViewport(p, '.header, .hall-status, .qa, .people, .hall-controls, .touch-stick')).toBe(true);

  // A tap on a free chair in the back row sits there.
  const seat = 11 * 36 + 18; // back row, the first seat right of the aisle (shared/spaces/catalog.ts)
  const chair = layout.seats[seat]!;
  await turnTowards(p, await Finger.of(phone.context, p, 3), chair.x, chair.z);
  const at = await onCanvas(p, chair.x, chair.y + 0.45, chair.z);
  await p.touchscreen.tap(at.x, at.y);
  await expect.poll(async () => (await hook(p, (h) => h.avatars().find((a) => a.name === 'Priya')))?.seat).toBe(seat);
  await expect(p.getByRole('button', { name: 'Stand up' })).toBeVisible();

  // The moderator starts the event; the phone asks a question from the folded Q&A panel.
  // (At a desk's width the moderation panel starts open.)
  await m.getByRole('button', { name: 'Start the event' }).click();
  await expect.poll(async () => (await hook(p, (h) => h.hall()))?.eventState).toBe('live');
  await p.getByRole('button', { name: 'Show questions and answers' }).tap();
  await p.getByRole('tab', { name: 'Ask' }).tap();
  await p.getByLabel('Your question').fill(QUESTION);
  await p.getByRole('button', { name: 'Send question' }).tap();
  await expect(p.getByRole('status').filter({ hasText: 'went to the moderators' })).toBeVisible();
  expect(await inViewport(p, '.qa, .hall-controls')).toBe(true);
  await p.screenshot({ path: `${SHOTS}/townhall-asked.png` });

  await m.getByRole('list', { name: 'Questions waiting for a moderator' }).getByRole('listitem').filter({ hasText: QUESTION })
    .getByRole('button', { name: 'Approve' }).click();
  await p.getByRole('tab', { name: /^Questions/ }).tap();
  const item = p.getByRole('list', { name: 'Questions' }).getByRole('listitem').filter({ hasText: QUESTION });
  await expect(item).toBeVisible();

  // The hand goes up with a tap; the moderator sees it.
  await p.getByRole('button', { name: 'Raise hand' }).tap();
  await expect.poll(async () => (await hook(m, (h) => h.avatars().find((a) => a.name === 'Priya')))?.hand).toBeGreaterThan(0);
  await expect(p.getByRole('button', { name: 'Lower hand' })).toBeVisible();
  expect(await inViewport(p, '.qa, .hall-controls, .touch-stick')).toBe(true);
  await p.screenshot({ path: `${SHOTS}/townhall-qa.png` });
});
