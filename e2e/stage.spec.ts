import { adminSession, enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { enter, expect, hook, test } from './fixtures.js';
import { startLiveEvent } from './liveEvent.js';

/**
 * Taking the stage: a host presses "Go to the stage" and the server puts her behind the lectern
 * facing the audience (a second browser sees her so); her page says when she is live.
 */

const HOST: Credentials = { email: 'stella.stage@example.org', password: 'stella takes the stage', name: 'Stella Adeyemi' };
const SHOTS = 'test-results/stage';
/** The town hall's stage (shared/spaces/catalog.ts): z from -12.6 to -7.4; the audience is towards +z. */
const onStage = (z: number) => z > -12.6 && z < -7.4;
/** How far a yaw is from facing +z (yaw pi: forward is (-sin, -cos) = (0, 1)). */
const offAudience = (yaw: number) => Math.abs(Math.atan2(Math.sin(yaw - Math.PI), Math.cos(yaw - Math.PI)));

test('a host goes to the stage in one press and is seen facing the audience; then she is live', async ({ newVisitor, baseURL }) => {
  test.setTimeout(240_000);
  await invitedAccount(baseURL!, HOST, 'host', 'townhall');
  const host = await newVisitor();
  const h = host.page;
  await h.setViewportSize({ width: 1280, height: 720 });
  await enterSignedIn(h, HOST, '/s/townhall');
  const audience = await newVisitor();
  const a = audience.page;
  await enter(a, 'Ahmed', '/s/townhall');

  // Arriving at the back door: not on the stage, and the button is offered.
  const before = (await hook(h, (x) => x.self()))!;
  expect(onStage(before.z)).toBe(false);
  await h.getByRole('button', { name: 'Go to the stage' }).click();
  await expect.poll(async () => onStage((await hook(h, (x) => x.self()))?.z ?? 0)).toBe(true);
  await expect.poll(async () => offAudience((await hook(h, (x) => x.predicted()))?.yaw ?? 0)).toBeLessThan(0.05);
  await expect(h.getByRole('status').filter({ hasText: 'You are on the stage' })).toBeVisible();

  // The audience's browser draws her on the stage, facing them.
  const hostId = (await hook(h, (x) => x.selfId))!;
  await expect.poll(async () => {
    const seen = await a.evaluate((id) => window.__hustings!.remote(id), hostId);
    return seen !== undefined && onStage(seen.z) && offAudience(seen.yaw) < 0.1;
  }, { message: 'the audience sees the host on the stage, facing them', timeout: 30_000 }).toBe(true);
  await h.screenshot({ path: `${SHOTS}/host-on-stage.png` });
  // She stays turned to the audience (a step sent before the move did not turn her back).
  const later = await a.evaluate((id) => window.__hustings!.remote(id), hostId);
  expect(later !== undefined && onStage(later.z) && offAudience(later.yaw) < 0.1).toBe(true);

  // The event goes live: she is told plainly that the hall hears her.
  const admin = await adminSession(baseURL!);
  const live = await startLiveEvent(baseURL!, admin.token, 'Stage test: the host is live');
  try {
    await expect(h.getByRole('status').filter({ hasText: 'You are live' })).toBeVisible();
    await expect.poll(async () => (await hook(h, (x) => x.hall()))?.speakers.includes(hostId) ?? false).toBe(true);
    // The hall hears her already: she has no hand to raise; the audience has.
    await expect(a.getByRole('button', { name: 'Raise hand' })).toBeVisible();
    await expect(h.getByRole('button', { name: 'Raise hand' })).toHaveCount(0);
    await h.screenshot({ path: `${SHOTS}/host-live.png` });
    await a.setViewportSize({ width: 1280, height: 720 });
    await a.screenshot({ path: `${SHOTS}/audience-sees-host.png` });
  } finally {
    await live.end();
  }
});
