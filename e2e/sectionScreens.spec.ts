import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from '@playwright/test';
import { callApi } from '../shared/protocol/apiClient.js';
import { ClientMessage } from '../shared/protocol/messages.js';
import { adminSession, enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { guestBot, openDesk } from './eventDay.js';
import { expect, framesDrawn, hook, test, waitReady } from './fixtures.js';
import { ownServer, type OwnServer } from './ownServer.js';

/**
 * Screenshots of an event in sections for the README (docs/screens/sections): its own server with
 * three people to a section, so a fourth opens section 2. Not a test of its own
 * (server/rooms/sections.test.ts and server/clusterSections.test.ts check the rules), so it runs
 * only when asked:
 *   npm run build:test && SCREENS=1 E2E_PORT=4330 npx playwright test e2e/sectionScreens.spec.ts
 * Desktop 1280x720 and phone 390x844 (touch, pixel ratio 1).
 */

const OUT = process.env.SCREENS_DIR ?? 'docs/screens/sections';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
const HOST: Credentials = { email: 'hana.sections@example.org', password: 'hana hosts in sections', name: 'Hana Okafor' };

test.skip(!process.env.SCREENS, 'screenshots for the README: SCREENS=1 to take them');

let server: OwnServer;
test.beforeAll(async () => {
  server = await ownServer({ env: { MAX_CLIENTS_PER_SPACE: '3', MAX_SECTIONS: '3' } });
  await server.start();
});
test.afterAll(async () => server?.dispose());

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

/** Until the page has drawn a few more frames (a change of state reaches the 3D view). */
const frames = (page: Page, n = 8): Promise<void> => framesDrawn(page, n);

test('an event in two sections, as screenshots', async ({ newVisitor }) => {
  test.setTimeout(600_000);
  fs.mkdirSync(OUT, { recursive: true });
  const base = server.url;
  await adminSession(base, server.dataDir);
  // A moderator: she runs the event, takes the stage and calls hands (a host alone does not call hands).
  const host = await invitedAccount(base, HOST, 'moderator', 'townhall', server.dataDir);
  await callApi('createEvent', {
    baseUrl: base, token: host.token,
    body: { spaceId: 'townhall', title: 'Riverside ward hustings', startsAt: new Date(Date.now() - 60_000).toISOString(), autoApprove: true },
  });

  // Section 1: the host's console connection, her page and one guest (three connections: full;
  // the console is not someone attending, so the event counts four people).
  const desk = await openDesk(base, host.token);
  desk.room.send(ClientMessage.EventRun, { action: 'start' });
  await expect.poll(() => desk.room.state.hall.event.state).toBe('live');
  const hostPage = (await newVisitor({ device: DESKTOP, baseURL: base })).page;
  await enterSignedIn(hostPage, HOST, '/s/townhall');
  await hostPage.getByRole('button', { name: 'Go to the stage' }).click();
  await expect(hostPage.getByRole('status').filter({ hasText: 'You are live' })).toBeVisible();
  await hostPage.getByRole('button', { name: 'Not now' }).click(); // the prompt to unmute: no microphone here
  const priya = await guestBot(base, 'Priya');
  await priya.ask('Will the 42 bus run after midnight again?');

  // Section 2: a desktop visitor and a phone visitor, placed there because section 1 is full.
  const enter = async (device: BrowserContextOptions, name: string): Promise<Page> => {
    const page = (await newVisitor({ device, baseURL: base })).page;
    await page.goto('/s/townhall');
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Display name').press('Enter');
    await waitReady(page);
    return page;
  };
  const bo = await enter(DESKTOP, 'Bo');
  const pia = await enter(PHONE, 'Pia');
  for (const page of [bo, pia]) {
    await expect(page.locator('[data-section="2"]').first()).toContainText('Section 2 of 2 · 4 attending', { timeout: 30_000 });
  }
  await expect(hostPage.locator('[data-section="1"]').first()).toContainText('Section 1 of 2 · 4 attending', { timeout: 30_000 });

  // Bo raises a hand in section 2; the host sees it in her hands list, marked with its section.
  await bo.getByRole('button', { name: 'Raise hand' }).click();
  const hands = hostPage.getByRole('list', { name: 'Raised hands, in order' });
  await expect(hands).toContainText('Bo (section 2)');
  await hands.scrollIntoViewIfNeeded();
  await frames(bo);
  await shot(bo, 'section-2-visitor-desktop');
  await frames(pia);
  await shot(pia, 'section-2-visitor-phone');
  await frames(hostPage);
  await shot(hostPage, 'section-1-host-hands-desktop');

  // The host calls Bo: he walks to section 2's floor mic, and both sections show who has the floor.
  await hands.getByRole('button', { name: 'Call Bo to the floor' }).click();
  await expect.poll(async () => (await hook(bo, (h) => h.hall()))?.floor?.holder ?? '', { timeout: 30_000 }).not.toBe('');
  await bo.getByRole('button', { name: 'Not now' }).click();
  await frames(bo, 20);
  await shot(bo, 'section-2-floor-desktop');
  await frames(hostPage, 12);
  await shot(hostPage, 'section-1-floor-desktop');
  await frames(pia, 12);
  await shot(pia, 'section-2-floor-phone');
});
