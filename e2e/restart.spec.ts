import { enter, expect, hook, test, waitReady } from './fixtures.js';
import { ownServer, type OwnServer } from './ownServer.js';

/**
 * The server restarts (an operator's restart, or a supervisor bringing it back after a crash):
 * rooms live in memory, so the page's reconnection token is no good afterwards. The page must
 * come back by itself, as the same person, without the visitor doing anything.
 */

let server: OwnServer | undefined;

test.beforeAll(async () => {
  server = await ownServer();
  await server.start();
});
test.afterAll(async () => {
  await server?.dispose();
});

test('after a server restart, a visitor is back in the same space as the same person by themselves', async ({ newVisitor }) => {
  test.setTimeout(240_000);
  const visitor = await newVisitor({ baseURL: server!.url });
  const page = visitor.page;
  await enter(page, 'Patient', '/s/hall-1');
  const before = await hook(page, (h) => ({ id: h.selfId, look: h.avatars().find((a) => a.name === 'Patient')?.look }));
  expect(before.id).toBeTruthy();

  expect(await server!.stop()).toBe(0);
  await expect.poll(() => hook(page, (h) => h.status)).toBe('reconnecting');
  await server!.start();

  // Back, in a new connection (the old place died with the process), in the same space, with
  // the same name and look: the guest session outlived the restart, so it is the same person.
  await expect.poll(() => hook(page, (h) => h.status), { timeout: 60_000 }).toBe('connected');
  await waitReady(page);
  const after = await hook(page, (h) => ({ id: h.selfId, space: h.spaceId, look: h.avatars().find((a) => a.name === 'Patient')?.look }));
  expect(after.id).not.toBe(before.id);
  expect(after.space).toBe('hall-1');
  expect(after.look).toBe(before.look);
  await expect(page.getByText('The connection was lost')).toHaveCount(0);
});

test('after the process holding the town hall stops, a seated visitor is back in the seat they had', async ({ newVisitor }) => {
  test.setTimeout(240_000);
  const own = server!;
  const page = (await newVisitor({ baseURL: own.url })).page;
  await enter(page, 'Sitting', '/s/townhall');
  // A seat from the accessible view (the second row's first free seat), as a keyboard user takes one.
  await page.getByRole('button', { name: 'Skip to accessible view' }).focus();
  await page.keyboard.press('Enter');
  const view = page.locator('#accessible-view');
  await view.getByLabel('Row').selectOption('2');
  await view.getByRole('button', { name: 'Sit here' }).click();
  const mySeat = () => hook(page, (h) => h.avatars().find((a) => a.id === h.selfId)?.seat ?? -1);
  await expect.poll(mySeat).toBeGreaterThanOrEqual(0);
  const seat = await mySeat();
  const before = await hook(page, (h) => h.selfId);

  expect(await own.stop()).toBe(0);
  await expect.poll(() => hook(page, (h) => h.status)).toBe('reconnecting');
  await own.start();
  await expect.poll(() => hook(page, (h) => h.status), { timeout: 60_000 }).toBe('connected');
  await waitReady(page);
  expect(await hook(page, (h) => h.selfId)).not.toBe(before);
  // A new room in a new process, and the same seat: the page asked for it back and it was free.
  await expect.poll(mySeat).toBe(seat);
  await expect(view.getByRole('region', { name: 'Seats' })).toContainText('You are sitting in row 2, seat 1.');
});
