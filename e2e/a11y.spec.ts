import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { Room } from 'colyseus.js';
import { callApi } from '../shared/protocol/apiClient.js';
import { ClientMessage } from '../shared/protocol/messages.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { enter, expect, hook, test } from './fixtures.js';
import { operate, paced } from './load/editOps.js';
import { ownServer, type OwnServer } from './ownServer.js';
import { joinSpace } from './scriptRoom.js';

/**
 * axe-core on the real pages, in the real browser: the landing page, the world UI, the
 * shortcuts sheet, the accessible view (of an exhibition hall with exhibits and of a town hall
 * with an event), the Q&A panel and the curator's inspector. No moderate, serious or critical violation
 * is allowed anywhere, and nothing is excluded: the 3D view is a focusable, labelled
 * application element, and axe does not look into a canvas's pixels.
 *
 * The spec runs its own server: it publishes exhibits and schedules an event.
 */

const CURATOR: Credentials = { email: 'alex.curator@example.org', password: 'alex checks the inspector', name: 'Alex Curator' };
const HOST: Credentials = { email: 'aria.host@example.org', password: 'aria hosts an accessible event', name: 'Aria Banks' };
const EVENT = 'Ask the council: accessible transport';

let server: OwnServer | undefined;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await ownServer();
  await server.start();
  base = server.url;
  const curator = await invitedAccount(base, CURATOR, 'curator', 'hall-1', server.dataDir);
  const host = await invitedAccount(base, HOST, 'host', 'townhall', server.dataDir);
  // Two published exhibits, made through the room as the editor makes them.
  const room: Room<SpaceState> = await joinSpace(base.replace(/^http/, 'ws'), { spaceId: 'hall-1', token: curator.token });
  room.onMessage('*', () => undefined);
  try {
    await operate(room, ClientMessage.EditMode, { on: true });
    const panel = await paced(room, ClientMessage.ExhibitCreate, { kind: 'panel', transform: { x: -2, y: 0, z: -8, rx: 0, ry: 0, rz: 0, scale: 1 } });
    await paced(room, ClientMessage.ExhibitUpdate, {
      id: panel.id, text: { title: 'Step-free stations', alt: '', provenance: { author: 'Transport team', sources: [{ title: 'Station audit 2026', url: 'https://example.org/audit' }] } },
      content: { kind: 'panel', summary: 'Lifts at every station by 2029.', body: '## Why\nA third of stations have steps only.', sponsor: 'Council' },
    });
    const chart = await paced(room, ClientMessage.ExhibitCreate, { kind: 'chart', transform: { x: 2, y: 0, z: -8, rx: 0, ry: 0, rz: 0, scale: 1 } });
    await paced(room, ClientMessage.ExhibitUpdate, {
      id: chart.id, text: { title: 'Stations with lifts', alt: 'Share of stations with lifts, rising each year.' },
      content: { kind: 'chart', chart: 'bar', unit: '%', series: ['Stations'], rows: [{ label: '2026', values: [34] }, { label: '2029', values: [100] }] },
    });
    await callApi('publish', { baseUrl: base, token: curator.token, params: { id: 'hall-1' }, body: { note: 'for the axe checks' } });
  } finally {
    await room.leave();
  }
  await callApi('createEvent', {
    baseUrl: base, token: host.token,
    body: { spaceId: 'townhall', title: EVENT, description: 'Questions on step-free access.', startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), autoApprove: true },
  });
});

test.afterAll(async () => {
  await server?.dispose();
});

/** Runs axe on the page (or part of it), attaches the full report, and fails on moderate, serious or critical violations. */
async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, name: string, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  await testInfo.attach(`axe: ${name}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  await page.screenshot({ path: testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`), fullPage: true });
  const found = results.violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found, `axe on ${name}`).toEqual([]);
  expect(results.passes.length, `axe ran its checks on ${name}`).toBeGreaterThan(10);
}

test('the landing page, the world UI, the shortcuts sheet and the accessible view of an exhibition hall', async ({ newVisitor }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = await newVisitor({ baseURL: base });
  await page.goto('/s/hall-1');
  await expect(page.getByLabel('Display name')).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'landing page');

  await enter(page, 'Axel', '/s/hall-1');
  await expect.poll(() => hook(page, (h) => h.exhibits().length)).toBe(2);
  await page.getByRole('button', { name: /^Exhibits/ }).click();
  await expect(page.getByRole('heading', { name: /Exhibits here/ })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'world UI');

  await page.keyboard.press('Shift+Slash');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'shortcuts sheet');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  await page.getByRole('button', { name: 'Skip to accessible view' }).focus();
  await page.screenshot({ path: testInfo.outputPath('skip-focused.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Exhibition Hall: accessible view' })).toBeFocused();
  const panel = page.getByRole('article', { name: 'Step-free stations' });
  await expect(panel).toContainText('A third of stations have steps only.');
  // The panel's Markdown is rendered (its heading a level below the article's), not shown as syntax.
  await expect(panel.getByRole('heading', { name: 'Why', level: 4 })).toBeVisible();
  await expect(panel).not.toContainText('##');
  await expect(panel, 'who sponsors it, as in the detail view').toContainText('Council');
  await panel.screenshot({ path: testInfo.outputPath('accessible-panel.png') });
  await expect(page.getByRole('article', { name: 'Stations with lifts' })).toContainText('2026 34; 2029 100');
  await expectNoSeriousViolations(page, testInfo, 'accessible view of the exhibition hall');
});

test('the Q&A panel and the accessible view of a town hall with an event', async ({ newVisitor }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = await newVisitor({ baseURL: base });
  await enter(page, 'Quinn', '/s/townhall');
  await expect.poll(async () => (await hook(page, (h) => h.hall()))?.title).toBe(EVENT);
  await page.getByRole('button', { name: 'Show questions and answers' }).click();
  await page.getByRole('tab', { name: 'Ask' }).click();
  await page.getByLabel('Your question').fill('Will every bus stop get a raised kerb?');
  await page.getByRole('button', { name: 'Send question' }).click();
  await expect.poll(async () => (await hook(page, (h) => h.hall()))?.questions.length).toBe(1);
  await page.getByRole('tab', { name: /^Questions/ }).click();
  await expect(page.getByRole('list', { name: 'Questions' })).toContainText('raised kerb');
  await expectNoSeriousViolations(page, testInfo, 'Q&A panel');

  await page.getByRole('button', { name: 'Skip to accessible view' }).focus();
  await page.screenshot({ path: testInfo.outputPath('skip-focused.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Town Hall: accessible view' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Stage' })).toContainText(EVENT);
  await expectNoSeriousViolations(page, testInfo, 'accessible view of the town hall');
});

test('the curator inspector', async ({ newVisitor }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = await newVisitor({ baseURL: base });
  await enterSignedIn(page, CURATOR, '/s/hall-1');
  await page.getByRole('button', { name: 'Edit exhibits' }).click();
  await expect.poll(() => hook(page, (h) => h.editor().editMode)).toBe(true);
  const editor = page.getByRole('region', { name: 'Editing the draft' });
  await editor.getByRole('button', { name: 'Panel', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Panel', exact: true });
  await expect(inspector).toBeVisible();
  await inspector.getByLabel('Title').fill('Level boarding');
  await expectNoSeriousViolations(page, testInfo, 'curator inspector');
});
