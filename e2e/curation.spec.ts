import type { Page } from '@playwright/test';
import type { Room } from 'colyseus.js';
import { makePng } from '../server/testing/files.js';
import { ApiCallError, callApi } from '../shared/protocol/apiClient.js';
import type { ErrorPayload } from '../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../shared/protocol/messages.js';
import { enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { clickWorld, coveredHeaderControls, enter, expect, hook, test } from './fixtures.js';
import { ownServer, type OwnServer } from './ownServer.js';
import { joinSpace } from './scriptRoom.js';

/**
 * Curating an exhibition hall in real browsers: a curator signs in, enters edit mode, adds a
 * panel and an image (a real PNG uploaded through the inspector), moves the panel with the
 * keyboard and publishes; a visitor who was there all along sees nothing of the draft, then both
 * exhibits at their new places, opens the panel and follows a link to the image; a visitor's
 * forged edit messages are refused; the server restarts and everything is still there.
 *
 * The spec runs its own server (it has to restart it), with its own data directory.
 */

const SPACE = 'hall-1';
const CURATOR: Credentials = { email: 'cora.curator@example.org', password: 'cora curates the exhibition', name: 'Cora Curator' };
const PANEL = { title: 'Housing plan 2027', summary: 'Four thousand new homes by 2030, a third of them social rent.' };
const IMAGE = { title: 'Riverside site', alt: 'A plan of the riverside site, striped blue and cream.' };
const PNG = makePng(64, 48);

let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.dispose();
});

type Shown = Awaited<ReturnType<typeof shownIn>>;

function shownIn(page: Page) {
  return hook(page, (h) => h.exhibits());
}

async function exhibitIn(page: Page, id: string) {
  return (await shownIn(page)).find((e) => e.id === id);
}

/** Where an exhibit stands, to the millimetre (room state is float32; the API has the stored numbers). */
const place = (e: { x: number; y: number; z: number; ry: number; scale: number } | undefined) =>
  e && { x: Math.round(e.x * 1000) / 1000, y: Math.round(e.y * 1000) / 1000, z: Math.round(e.z * 1000) / 1000, ry: Math.round(e.ry * 1000) / 1000, scale: Math.round(e.scale * 1000) / 1000 };

/** The published exhibits, as anyone can read them over HTTP. */
async function published(base: string) {
  return callApi('publishedExhibits', { baseUrl: base, params: { id: SPACE } });
}

/** Click on something that takes no focus, so typed fields are left (and send what they hold) and keys go to the world. */
async function leaveFields(page: Page): Promise<void> {
  await page.locator('.inspector h2').click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
}

/**
 * The arrow keys move a selected exhibit along the floor axis nearest to the way the view
 * faces (up: away), and to its right (useEditorKeys). From a yaw, those two unit steps.
 */
function floorAxes(yaw: number): { up: { x: number; z: number }; right: { x: number; z: number } } {
  const fx = -Math.sin(yaw);
  const fz = -Math.cos(yaw);
  const up = Math.abs(fx) > Math.abs(fz) ? { x: Math.sign(fx), z: 0 } : { x: 0, z: Math.sign(fz) };
  return { up, right: { x: -up.z, z: up.x } };
}

/**
 * A forged client: the visitor's own session token, used from a script instead of the page.
 * Everything the server sends is recorded; `refusal` sends an edit message until the server
 * answers it (refusals are answered at most four times a second) and returns the answer.
 */
async function forgedClient(wsUrl: string, token: string) {
  const room: Room = await joinSpace(wsUrl, { spaceId: SPACE, token });
  const errors: ErrorPayload[] = [];
  const acks: { ref: string }[] = [];
  room.onMessage('*', (type, message) => {
    if (type === ServerMessage.Error) errors.push(message as ErrorPayload);
    if (type === ServerMessage.Ack) acks.push(message as { ref: string });
  });
  const refusal = async (type: string, body: unknown): Promise<ErrorPayload> => {
    const from = errors.length;
    const answer = () => errors.slice(from).find((e) => e.ref === type);
    await expect.poll(() => {
      if (answer()) return true;
      room.send(type, body);
      return false;
    }, { message: `a refusal of ${type}`, intervals: [300] }).toBe(true);
    return answer()!;
  };
  return { room, errors, acks, refusal };
}

test('a curator builds and publishes a small exhibition; visitors tour it, cannot change it, and it survives a restart', async ({ newVisitor }) => {
  // Two or three software-rendered worlds and a server restart on a small machine.
  test.setTimeout(420_000);
  server = await ownServer();
  await server.start();
  const base = server.url;
  await invitedAccount(base, CURATOR, 'curator', SPACE, server.dataDir);
  expect((await published(base)).version).toBe(0);

  const curator = await newVisitor({ baseURL: base });
  const visitor = await newVisitor({ baseURL: base });
  await enterSignedIn(curator.page, CURATOR, `/s/${SPACE}`);
  await enter(visitor.page, 'Vera', `/s/${SPACE}`);
  const c = curator.page;
  const v = visitor.page;

  // Visitors get no editing controls at all.
  await expect(v.getByRole('button', { name: 'Edit exhibits' })).toHaveCount(0);
  expect(await shownIn(v)).toEqual([]);

  // At this narrow window (640x400) no panel covers the curator's header, which has more
  // buttons than a guest's; nor does the wider inspector, below.
  expect(await coveredHeaderControls(c)).toEqual([]);

  // Edit mode.
  await c.getByRole('button', { name: 'Edit exhibits' }).click();
  await expect.poll(() => hook(c, (h) => h.editor().editMode)).toBe(true);
  const editor = c.getByRole('region', { name: 'Editing the draft' });
  await expect(editor.getByRole('status').first()).toHaveText(/Same as the published version · 0 exhibits/);

  // A panel: it appears in front of the curator, selected, with the inspector open.
  await editor.getByRole('button', { name: 'Panel', exact: true }).click();
  await expect.poll(async () => (await shownIn(c)).filter((e) => e.kind === 'panel').length).toBe(1);
  const panelId = (await shownIn(c)).find((e) => e.kind === 'panel')!.id;
  await expect.poll(() => hook(c, (h) => h.editor().selectedId)).toBe(panelId);
  const inspector = c.getByRole('region', { name: 'Panel', exact: true });
  await expect(inspector).toBeVisible();
  expect(await coveredHeaderControls(c)).toEqual([]);
  await inspector.getByLabel('Title').fill(PANEL.title);
  await inspector.getByLabel('Title').press('Enter');
  await inspector.getByLabel('Summary').fill(PANEL.summary);
  await leaveFields(c);
  await expect.poll(async () => (await exhibitIn(c, panelId))?.title).toBe(PANEL.title);
  await expect(inspector.getByText('Ready to publish.')).toBeVisible();
  await expect(inspector.getByText('Saved to the draft.')).toBeVisible();

  // Moved with the keyboard: Shift+Up twice (0.5 m each, away from the viewer), Left three times (0.1 m each).
  const before = (await exhibitIn(c, panelId))!;
  const { up, right } = floorAxes((await hook(c, (h) => h.predicted()))!.yaw);
  await c.keyboard.press('Shift+ArrowUp');
  await c.keyboard.press('Shift+ArrowUp');
  for (let i = 0; i < 3; i++) await c.keyboard.press('ArrowLeft');
  const target = { x: before.x + up.x * 1.0 - right.x * 0.3, z: before.z + up.z * 1.0 - right.z * 0.3 };
  await expect.poll(async () => {
    const now = (await exhibitIn(c, panelId))!;
    return Math.hypot(now.x - target.x, now.z - target.z);
  }, { message: `the panel committed at (${target.x.toFixed(2)}, ${target.z.toFixed(2)})` }).toBeLessThan(0.005);
  // Only moved: the same height and facing; and each commit is a step to undo (create, title, summary, the moves).
  const moved = (await exhibitIn(c, panelId))!;
  expect(moved.ry).toBeCloseTo(before.ry, 4);
  expect(moved.y).toBeCloseTo(before.y, 4);
  await expect.poll(() => hook(c, (h) => h.editor().undo)).toBeGreaterThanOrEqual(4);

  // An image, with a real PNG through the inspector's file picker, a title and alt text.
  await c.keyboard.press('Escape');
  await expect.poll(() => hook(c, (h) => h.editor().selectedId)).toBe('');
  await editor.getByRole('button', { name: 'Image', exact: true }).click();
  await expect.poll(async () => (await shownIn(c)).filter((e) => e.kind === 'image').length).toBe(1);
  const imageId = (await shownIn(c)).find((e) => e.kind === 'image')!.id;
  await expect.poll(() => hook(c, (h) => h.editor().selectedId)).toBe(imageId);
  const imageInspector = c.getByRole('region', { name: 'Image', exact: true });
  await expect(imageInspector.getByText('Needs an image file.')).toBeVisible();
  await imageInspector.getByLabel('Choose the image file').setInputFiles({ name: 'riverside.png', mimeType: 'image/png', buffer: PNG });
  await expect(imageInspector.getByText(/riverside\.png · \d+ (bytes|KB)/)).toBeVisible();
  await expect.poll(() => imageInspector.locator('img.asset-thumb').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
  await imageInspector.getByLabel('Title').fill(IMAGE.title);
  await imageInspector.getByLabel('Title').press('Enter');
  await imageInspector.getByLabel('Alt text').fill(IMAGE.alt);
  await leaveFields(c);
  await expect.poll(async () => (await exhibitIn(c, imageId))?.title).toBe(IMAGE.title);
  await expect(imageInspector.getByText('Ready to publish.')).toBeVisible();
  await expect(editor.getByRole('status').first()).toHaveText(/Unpublished changes · 2 exhibits in the draft/);
  expect(await hook(c, (h) => h.editor().dirty)).toBe(true);

  // The visitor, there all along, has seen nothing of the draft.
  expect(await shownIn(v)).toEqual([]);
  expect((await published(base)).exhibits).toEqual([]);

  // Publish, with a note.
  const draftBefore = (await shownIn(c)).map((e) => ({ ...e, ...place(e) }));
  await editor.getByRole('button', { name: 'Publish…' }).click();
  const publishForm = editor.getByRole('form', { name: 'Publish the draft' });
  await publishForm.getByLabel('Note (optional)').fill('Housing: the plan and the riverside site');
  await publishForm.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(publishForm.getByRole('status')).toHaveText(/Published version 1 \(2 exhibits\)/);
  await expect.poll(() => hook(c, (h) => h.editor().dirty)).toBe(false);
  await expect(editor.getByRole('status').first()).toHaveText(/Same as the published version · 2 exhibits/);

  const v1 = await published(base);
  expect(v1.version).toBe(1);
  const storedPanel = v1.exhibits.find((e) => e.id === panelId)!;
  const storedImage = v1.exhibits.find((e) => e.id === imageId)!;
  expect(storedPanel).toMatchObject({ title: PANEL.title, content: { kind: 'panel', summary: PANEL.summary } });
  expect(storedImage).toMatchObject({ title: IMAGE.title, alt: IMAGE.alt, content: { kind: 'image', image: { type: 'image/png' } } });
  expect(storedPanel.transform.x).toBeCloseTo(target.x, 3);
  expect(storedPanel.transform.z).toBeCloseTo(target.z, 3);
  const sha = storedImage.content.kind === 'image' ? storedImage.content.image!.sha256 : '';

  // The visitor now sees both, published, where the curator left them.
  const assetLoads: number[] = [];
  v.on('response', (r) => { if (r.url().endsWith(`/api/assets/${sha}`)) assetLoads.push(r.status()); });
  await expect.poll(async () => (await shownIn(v)).map((e) => e.id).sort()).toEqual([panelId, imageId].sort());
  const seen = await shownIn(v);
  expect(seen.every((e) => !e.draft)).toBe(true);
  for (const e of v1.exhibits) expect(place(seen.find((s) => s.id === e.id))).toEqual(place({ ...e.transform }));
  expect(place(seen.find((s) => s.id === panelId))).toEqual(place(draftBefore.find((s) => s.id === panelId)));
  // The picture is near enough to load.
  await expect.poll(() => assetLoads, { message: 'the image file loaded by the visitor', timeout: 60_000 }).toContain(200);

  // A click on the panel's board (near its top, above anyone standing in front of it) opens it.
  await clickWorld(v, storedPanel.transform.x, 2.1 * storedPanel.transform.scale + storedPanel.transform.y, storedPanel.transform.z);
  await expect.poll(() => hook(v, (h) => h.openExhibit())).toBe(panelId);
  const panelDialog = v.getByRole('dialog', { name: PANEL.title });
  await expect(panelDialog).toContainText(PANEL.summary);
  await expect(panelDialog.getByText('Draft')).toHaveCount(0);
  await expect(v).toHaveURL(new RegExp(`/s/${SPACE}/e/${panelId}$`));
  await v.keyboard.press('Escape');
  await expect.poll(() => hook(v, (h) => h.openExhibit())).toBe('');

  // A link straight to the image, opened in a new tab: the overlay opens on it.
  await v.close();
  const tab = await visitor.newPage();
  await enter(tab, 'Vera', `/s/${SPACE}/e/${imageId}`);
  await expect.poll(() => hook(tab, (h) => h.openExhibit())).toBe(imageId);
  const imageDialog = tab.getByRole('dialog', { name: IMAGE.title });
  await expect(imageDialog).toBeVisible();
  const picture = imageDialog.getByRole('img', { name: IMAGE.alt });
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);

  // A visitor's forged edit messages, sent with their own session from a script, are refused and change nothing.
  const guest = await tab.evaluate(() => JSON.parse(sessionStorage.getItem('hustings:session') ?? 'null') as { token: string } | null);
  expect(guest?.token).toBeTruthy();
  const forged = await forgedClient(base.replace(/^http/, 'ws'), guest!.token);
  try {
    const away = { x: 0, y: 0, z: 0, rx: 0, ry: 0, rz: 0, scale: 1 };
    const attempts: [string, unknown][] = [
      [ClientMessage.EditMode, { on: true }],
      [ClientMessage.ExhibitCreate, { kind: 'panel', transform: away, title: 'Forged panel' }],
      [ClientMessage.ExhibitMove, { id: panelId, transform: away, final: true }],
      [ClientMessage.ExhibitUpdate, { id: panelId, text: { title: 'Forged title' } }],
      [ClientMessage.ExhibitDelete, { id: imageId }],
    ];
    for (const [type, body] of attempts) {
      const refusal = await forged.refusal(type, body);
      expect(refusal, type).toMatchObject({ code: 'NOT_ALLOWED', ref: type });
    }
    expect(forged.acks).toEqual([]);
    expect((forged.room.state as { draft?: { exhibits?: Map<string, unknown> } }).draft?.exhibits?.size ?? 0).toBe(0);
  } finally {
    await forged.room.leave();
  }
  // Nor over HTTP: a guest may not publish.
  const publishRefusal = await callApi('publish', { baseUrl: base, token: guest!.token, params: { id: SPACE }, body: { note: 'forged' } }).then(() => null, (e: unknown) => e);
  expect(publishRefusal).toBeInstanceOf(ApiCallError);
  expect((publishRefusal as ApiCallError).code).toBe('NOT_ALLOWED');
  // Published and draft are as they were.
  expect(await published(base)).toEqual(v1);
  const draftAfter = (await shownIn(c)).map((e) => ({ ...e, ...place(e) }));
  expect(draftAfter).toEqual(draftBefore);
  expect(await hook(c, (h) => h.editor().dirty)).toBe(false);
  expect((await shownIn(tab)).map((e) => e.id).sort()).toEqual([panelId, imageId].sort());

  // The server restarts (SIGTERM, as an operator's restart does) on the same data directory.
  await tab.close();
  await c.close();
  expect(await server.stop()).toBe(0);
  await server.start();
  expect(await published(base)).toEqual(v1);
  const file = await fetch(`${base}/api/assets/${sha}`);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);

  // A new visitor finds both exhibits where they were, and the picture loads.
  const later = await newVisitor({ baseURL: base });
  const laterLoads: number[] = [];
  later.page.on('response', (r) => { if (r.url().endsWith(`/api/assets/${sha}`)) laterLoads.push(r.status()); });
  await enter(later.page, 'Lou', `/s/${SPACE}`);
  await expect.poll(async () => (await shownIn(later.page)).map((e) => e.id).sort()).toEqual([panelId, imageId].sort());
  const after: Shown = await shownIn(later.page);
  for (const e of v1.exhibits) expect(place(after.find((s) => s.id === e.id))).toEqual(place({ ...e.transform }));
  expect(after.every((e) => !e.draft)).toBe(true);
  await expect.poll(() => laterLoads, { message: 'the image file loaded after the restart', timeout: 60_000 }).toContain(200);

  // The curator, still signed in, finds the draft as it was: the same as version 1.
  const back = await curator.newPage();
  await enterSignedIn(back, CURATOR, `/s/${SPACE}`, { alreadySignedIn: true });
  await back.getByRole('button', { name: 'Edit exhibits' }).click();
  await expect(back.getByRole('region', { name: 'Editing the draft' }).getByRole('status').first()).toHaveText(/Same as the published version · 2 exhibits/);
  await expect.poll(async () => (await shownIn(back)).map((e) => ({ ...e, ...place(e) }))).toEqual(draftBefore);
});
