import { requestGuestSession } from '../shared/protocol/apiClient.js';
import { distanceFrom, enter, expect, hook, screenshotVariance, test, waitReady } from './fixtures.js';
import { joinSpace } from './scriptRoom.js';

test('two visitors enter the plaza, see each other, and one walks with the keyboard', async ({ newVisitor, baseURL }) => {
  const a = await newVisitor();
  const b = await newVisitor();
  await enter(a.page, 'Alice');
  await enter(b.page, 'Bob');

  const aId = (await hook(a.page, (h) => h.selfId))!;
  const bId = (await hook(b.page, (h) => h.selfId))!;
  await expect.poll(() => hook(a.page, (h) => h.avatars().map((v) => v.name).sort())).toEqual(['Alice', 'Bob']);
  await expect.poll(() => b.page.evaluate((id) => window.__hustings!.avatars().some((v) => v.id === id && v.name === 'Alice'), aId)).toBe(true);
  // The people list shows both names.
  await expect(a.page.getByRole('list', { name: /people/i })).toContainText('Bob');
  expect(aId).not.toBe(bId);

  // Something was rendered: draw calls, frames, and a screenshot that is not one flat colour.
  const info = await hook(a.page, (h) => h.renderInfo());
  expect(info.calls).toBeGreaterThan(5);
  await expect.poll(() => hook(a.page, (h) => h.renderInfo().frame)).toBeGreaterThan(info.frame);
  expect(await screenshotVariance(a.page)).toBeGreaterThan(8);
  // These browsers draw WebGL with SwiftShader (playwright.config.ts): a desktop drawing in
  // software gets the low tier by itself, and says why.
  expect(await hook(a.page, (h) => h.graphics())).toMatchObject({ choice: 'auto', tier: 'low', because: ['software rendering'], shadows: false });

  // Alice walks forward with W; the server moves her; Bob sees her where the server says.
  const start = (await hook(a.page, (h) => h.self()))!;
  await a.page.locator('canvas').first().click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
  await a.page.keyboard.down('w');
  await expect.poll(() => distanceFrom(a.page, start)).toBeGreaterThan(1.5);
  await a.page.keyboard.up('w');
  // Once she stops, Bob's rendered avatar for Alice settles on her server position.
  await expect.poll(async () => {
    const server = (await hook(a.page, (h) => h.self()))!;
    const seen = await b.page.evaluate((id) => window.__hustings!.remote(id), aId);
    return seen ? Math.hypot(seen.x - server.x, seen.z - server.z) : Infinity;
  }).toBeLessThan(0.05);
  void baseURL;
});

test('clicking the floor walks there', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  await enter(page, 'Clicker');
  const start = (await hook(page, (h) => h.self()))!;
  // A point 4 m ahead (the spawn faces -z) and a little to the right.
  const target = { x: start.x + 1.5, z: start.z - 4 };
  const screen = await page.evaluate((t) => window.__hustings!.project(t.x, 0, t.z), target);
  expect(screen).toBeDefined();
  await page.mouse.click(screen!.x, screen!.y);
  await expect.poll(() => distanceFrom(page, target)).toBeLessThan(0.6);
});

test('walking through a portal changes space and URL; the link brings a friend to the same place', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  await enter(page, 'Wanderer', '/s/hall-1');
  expect(await hook(page, (h) => h.spaceId)).toBe('hall-1');
  // The hall's door to the plaza is right behind the spawn point: walk backwards into it.
  await page.keyboard.down('s');
  await expect.poll(() => hook(page, (h) => h.spaceId), { timeout: 20_000 }).toBe('plaza');
  await page.keyboard.up('s');
  await expect(page).toHaveURL(/\/s\/plaza$/);
  await waitReady(page);
  const arrived = (await hook(page, (h) => h.self()))!;
  // Arrived at the plaza's "from-hall-1" spawn, outside the exhibition hall's door (the key was
  // still held for a moment after arriving, so allow a few steps).
  expect(Math.hypot(arrived.x - 13.5, arrived.z - 0)).toBeLessThan(3);
  expect(arrived.x).toBeLessThan(16.7);

  const friend = await newVisitor();
  await enter(friend.page, 'Friend', new URL(page.url()).pathname);
  expect(await hook(friend.page, (h) => h.spaceId)).toBe('plaza');
  await expect.poll(() => hook(friend.page, (h) => h.avatars().some((v) => v.name === 'Wanderer'))).toBe(true);
});

test('a reload reconnects as the same avatar at the same place', async ({ newVisitor }) => {
  const a = await newVisitor();
  const b = await newVisitor();
  await enter(a.page, 'Reloader');
  await enter(b.page, 'Witness');
  await a.page.keyboard.down('d');
  await expect.poll(async () => Math.abs((await hook(a.page, (h) => h.self()))!.x)).toBeGreaterThan(1);
  await a.page.keyboard.up('d');
  const id = await hook(a.page, (h) => h.selfId);
  // Settled: the server's position is the same in two readings 300 ms apart (inputs banked on
  // a busy machine can still be applied a little after the key is released).
  let last = Number.NaN;
  await expect.poll(async () => {
    const x = (await hook(a.page, (h) => h.self()))!.x;
    const still = x === last;
    last = x;
    return still;
  }, { intervals: [300] }).toBe(true);
  const before = (await hook(a.page, (h) => h.self()))!;

  await a.page.reload();
  await waitReady(a.page);
  expect(await hook(a.page, (h) => h.selfId)).toBe(id);
  const after = (await hook(a.page, (h) => h.self()))!;
  expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeLessThan(0.01);
  // The witness never saw a second Reloader.
  const names = await hook(b.page, (h) => h.avatars().map((v) => v.name));
  expect(names.filter((n) => n.startsWith('Reloader'))).toEqual(['Reloader']);
});

test('draw calls do not grow with the number of avatars', async ({ newVisitor, baseURL }) => {
  const { page } = await newVisitor();
  await enter(page, 'Counter');
  const url = baseURL!.replace(/^http/, 'ws');
  const join = (n: number, from: number) => Promise.all(Array.from({ length: n }, async (_, i) => {
    const { token } = await requestGuestSession(baseURL!, `extra-${from + i}`);
    return joinSpace(url, { spaceId: 'plaza', token });
  }));
  // Visitors from earlier tests may still be held for reconnection, so count only our extras.
  const callsWith = async (count: number) => {
    await expect.poll(() => hook(page, (h) => h.avatars().filter((v) => v.name.startsWith('extra-')).length)).toBe(count);
    const f = await hook(page, (h) => h.renderInfo().frame);
    await expect.poll(() => hook(page, (h) => h.renderInfo().frame)).toBeGreaterThan(f + 3);
    return hook(page, (h) => h.renderInfo().calls);
  };
  const first = await join(20, 0);
  const with20 = await callsWith(20);
  const second = await join(30, 20);
  const with50 = await callsWith(50);
  expect(with50).toBe(with20);
  await Promise.all([...first, ...second].map((r) => r.leave()));
});

test('a link to a space that does not exist says so and offers the plaza', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  await page.goto('/s/nowhere');
  await expect(page.getByText('There is no space with that name.')).toBeVisible();
  await expect(page.getByRole('button', { name: /enter/i })).toBeDisabled();
  await page.getByRole('link', { name: /plaza/i }).or(page.getByRole('button', { name: /plaza/i })).first().click();
  await expect(page).toHaveURL(/\/s\/plaza$|\/$/);
  await expect(page.getByText(/Civic Plaza/)).toBeVisible();
});

test('a display name the server refuses is explained on the join form', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  await page.goto('/s/plaza');
  const field = page.getByLabel('Display name');
  await field.fill('Eve\u200bil');
  await field.press('Enter');
  await expect(page.getByText('Display names cannot contain control or invisible characters.')).toBeVisible();
  expect(await page.evaluate(() => window.__hustings?.ready ?? false)).toBe(false);
});
