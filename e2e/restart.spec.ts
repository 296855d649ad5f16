import { enter, expect, hook, test, waitReady } from './fixtures.js';
import { ownServer, type OwnServer } from './ownServer.js';

/**
 * The server restarts (an operator's restart, or a supervisor bringing it back after a crash):
 * rooms live in memory, so the page's reconnection token is no good afterwards. The page must
 * come back by itself, as the same person, without the visitor doing anything.
 */

let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.dispose();
});

test('after a server restart, a visitor is back in the same space as the same person by themselves', async ({ newVisitor }) => {
  test.setTimeout(240_000);
  server = await ownServer();
  await server.start();
  const visitor = await newVisitor({ baseURL: server.url });
  const page = visitor.page;
  await enter(page, 'Patient', '/s/hall-1');
  const before = await hook(page, (h) => ({ id: h.selfId, look: h.avatars().find((a) => a.name === 'Patient')?.look }));
  expect(before.id).toBeTruthy();

  expect(await server.stop()).toBe(0);
  await expect.poll(() => hook(page, (h) => h.status)).toBe('reconnecting');
  await server.start();

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
