import { ADMIN, adminSession } from './accounts.js';
import { expect, hook, test, waitReady } from './fixtures.js';
import { startLiveEvent } from './liveEvent.js';

/**
 * Arriving on the day: the front page says what is on (the live event with how many are in,
 * what is coming, what is over) and one button takes a voter into the live event's town hall;
 * people arriving together stand apart, not on one spot.
 */

const TITLE = 'Arrival test: ask the mayor';
const SHOTS = 'test-results/arrival';
/** server/domain/spawn.ts: arrivals stand at least this far from everyone present (m). */
const ARRIVAL_SPACING = 1.1;

test('a voter goes from the front page into the live event in one step; arrivals spread out', async ({ newVisitor, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await adminSession(baseURL!);
  const live = await startLiveEvent(baseURL!, admin.token, TITLE);
  try {
    const voter = await newVisitor();
    const page = voter.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/');
    const now = page.getByRole('region', { name: 'Live now' });
    await expect(now).toContainText(TITLE);
    // Occupancy before joining: at least the staff member's connection is in the town hall
    // (people from earlier specs may still be held there for a reconnection).
    const count = now.locator('[data-present]');
    await expect(count).toContainText(/(person is|people are) in the Town Hall/);
    const before = Number(await count.getAttribute('data-present'));
    expect(before).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('heading', { name: 'What is on' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Coming up' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/front-desktop.png` });

    // One step: the name, then "Join the live event".
    await page.getByLabel('Display name').fill('Vida');
    await page.getByRole('button', { name: 'Join the live event' }).click();
    await waitReady(page);
    expect(new URL(page.url()).pathname).toBe('/s/townhall');
    await expect.poll(async () => (await hook(page, (h) => h.hall()))?.title).toBe(TITLE);
    expect((await hook(page, (h) => h.hall()))?.eventState).toBe('live');

    // A second voter, on a phone-sized window, the same way (Enter in the name field joins too);
    // the count they see before joining includes Vida.
    const second = await newVisitor({ device: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } });
    await second.page.goto('/');
    const secondCount = second.page.getByRole('region', { name: 'Live now' }).locator('[data-present]');
    await expect.poll(async () => Number(await secondCount.getAttribute('data-present'))).toBeGreaterThanOrEqual(before + 1);
    await second.page.screenshot({ path: `${SHOTS}/front-phone.png` });
    const field = second.page.getByLabel('Display name');
    await field.fill('Wim');
    await field.press('Enter');
    await waitReady(second.page);
    expect(new URL(second.page.url()).pathname).toBe('/s/townhall');

    // Nobody arrived on anyone else: the staff socket, Vida and Wim stand apart. (Connected or
    // held for a reconnection alike: on a loaded machine the test's own socket may miss a ping.)
    const names = [ADMIN.name, 'Vida', 'Wim'];
    const arrived = () => hook(second.page, (h) => h.avatars().map((a) => ({ name: a.name, x: a.x, z: a.z })));
    await expect.poll(async () => (await arrived()).filter((p) => names.includes(p.name)).map((p) => p.name).sort(), {
      message: `everyone who arrived, as Wim's page sees them (the staff socket is ${live.room.connection.isOpen ? 'open' : 'closed'})`,
    }).toEqual([...names].sort());
    const people = (await arrived()).filter((p) => names.includes(p.name));
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const d = Math.hypot(people[i]!.x - people[j]!.x, people[i]!.z - people[j]!.z);
        expect(d, `${people[i]!.name} and ${people[j]!.name}`).toBeGreaterThanOrEqual(ARRIVAL_SPACING - 0.01);
      }
    }
  } finally {
    await live.end();
  }
});
