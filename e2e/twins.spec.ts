import type { Page } from '@playwright/test';
import { checkParams } from '../shared/sim/levers.js';
import { modelById } from '../shared/sim/models.js';
import { goldenScenarios } from '../shared/sim/goldenScenarios.js';
import { runScenario } from '../shared/sim/runScenario.js';
import { callApi } from '../shared/protocol/apiClient.js';
import { enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { clickWorld, enter, expect, hook, test } from './fixtures.js';
import { ownServer, type OwnServer } from './ownServer.js';

/**
 * Digital twins in real browsers: a curator places a congestion-charge twin, sets its official
 * scenario and publishes; a visitor sees the cars moving, raises the charge (with the slider and
 * with the in-world button) and sees car share fall and revenue change beside the official
 * numbers, which nobody else's view changes; the share link reproduces the very same numbers
 * in a new browser context. The numbers computed in Chromium's worker are compared exactly with
 * the same scenarios run in Node. Its own server: it publishes into a hall.
 */

const SPACE = 'hall-1';
const CURATOR: Credentials = { email: 'tess.twins@example.org', password: 'tess curates the twins', name: 'Tess Curator' };
const TITLE = 'Congestion charge on the ring road';
const SEED = 42;

let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.dispose();
});

function twinsIn(page: Page) {
  return hook(page, (h) => h.twins());
}

/** Node's numbers for a scenario (the same shared model the page's worker runs). */
function inNode(model: string, params: Record<string, number>, seed: number): Record<string, number> {
  const m = modelById(model);
  if (!m) throw new Error(`no model ${model}`);
  const checked = checkParams(m.info, params);
  if (!checked.ok) throw new Error(checked.problems.join(' '));
  return runScenario(m, checked.params, seed).metrics;
}

test('a curator publishes a congestion-charge twin; visitors steer their own scenarios and share them exactly', async ({ newVisitor }) => {
  test.setTimeout(360_000);
  server = await ownServer();
  await server.start();
  const base = server.url;
  await invitedAccount(base, CURATOR, 'curator', SPACE, server.dataDir);

  // The models are open data.
  const { models } = await callApi('twinModels', { baseUrl: base });
  expect(models.map((m) => m.id).sort()).toEqual(['carbon-dividend', 'congestion-charge']);

  const curator = await newVisitor({ baseURL: base });
  const c = curator.page;
  await enterSignedIn(c, CURATOR, `/s/${SPACE}`);
  await c.getByRole('button', { name: 'Edit exhibits' }).click();
  const editor = c.getByRole('region', { name: 'Editing the draft' });
  await editor.getByRole('button', { name: 'Digital twin', exact: true }).click();
  await expect.poll(async () => (await hook(c, (h) => h.exhibits())).filter((e) => e.kind === 'twin').length).toBe(1);
  const twinId = (await hook(c, (h) => h.exhibits())).find((e) => e.kind === 'twin')!.id;
  const inspector = c.getByRole('region', { name: 'Digital twin', exact: true });
  await expect(inspector.getByLabel('Model')).toHaveValue('congestion-charge');
  await inspector.getByLabel('Title').fill(TITLE);
  await inspector.getByLabel('Title').press('Enter');
  // An official charge the model refuses is explained in place and never sent.
  await inspector.getByLabel('Charge in the peak (£)').fill('500');
  await expect(inspector.locator('.form-error')).toContainText(/charge/i);
  await inspector.getByLabel('Charge in the peak (£)').fill('4');
  await inspector.getByLabel('Charge in the peak (£)').press('Enter');
  await inspector.getByLabel('Seed').fill(String(SEED));
  await inspector.getByLabel('Seed').press('Enter');
  await expect(inspector.getByText('Ready to publish.')).toBeVisible();
  await expect(inspector.getByText('Saved to the draft.')).toBeVisible();
  await editor.getByRole('button', { name: 'Publish…' }).click();
  const publishForm = editor.getByRole('form', { name: 'Publish the draft' });
  await publishForm.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(publishForm.getByRole('status')).toHaveText(/Published version 1 \(1 exhibit\)/);
  const stored = (await callApi('publishedExhibits', { baseUrl: base, params: { id: SPACE } })).exhibits[0]!;
  expect(stored.content).toEqual({ kind: 'twin', model: 'congestion-charge', params: { charge: 4 }, seed: SEED });
  await c.getByRole('button', { name: 'Done editing' }).click().catch(() => undefined);

  // A visitor walks in: the official scenario runs in their worker and the cars move.
  const visitor = await newVisitor({ baseURL: base });
  await visitor.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const v = visitor.page;
  await enter(v, 'Vera', `/s/${SPACE}`);
  await expect.poll(async () => (await twinsIn(v))[0]?.official.status, { timeout: 60_000 }).toBe('done');
  const official = (await twinsIn(v))[0]!.official.metrics!;
  // Exactly what Node computes for the same levers and seed.
  expect(official).toEqual(inNode('congestion-charge', { charge: 4 }, SEED));
  const firstFrame = await twinsIn(v);
  await expect.poll(async () => (await twinsIn(v))[0]!.frames, { message: 'frames of traffic arriving' }).toBeGreaterThan(firstFrame[0]!.frames + 3);
  const carAt = (await twinsIn(v))[0]!.firstCar;
  expect(carAt).not.toBeNull();
  await expect.poll(async () => (await twinsIn(v))[0]!.firstCar, { message: 'the first car moving' }).not.toBe(carAt);

  // The in-world + button raises the visitor's charge by five steps (£2.50).
  const plusButton = () => v.evaluate((id) => window.__hustings!.twinButton(id, 'charge', 'up'), twinId);
  await expect.poll(plusButton).toBeDefined();
  const plus = (await plusButton())!;
  await clickWorld(v, plus.x, plus.y, plus.z);
  await expect.poll(async () => (await twinsIn(v))[0]!.mine?.key).toContain('charge=6.5');

  // The detail view: the slider takes the charge to £12; car share falls, revenue changes.
  await v.keyboard.press('Tab');
  await expect.poll(() => hook(v, (h) => h.highlightedExhibit())).toBe(twinId);
  await v.keyboard.press('Enter');
  const dialog = v.getByRole('dialog', { name: TITLE });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('slider', { name: /Charge in the peak/ }).fill('12');
  await expect.poll(async () => (await twinsIn(v))[0]!.mine?.status, { timeout: 60_000 }).toBe('done');
  const twin = (await twinsIn(v))[0]!;
  expect(twin.mine!.key).toContain('charge=12');
  const mine = twin.mine!.metrics!;
  expect(mine.carShare).toBeLessThan(official.carShare!);
  expect(mine.revenue).not.toBe(official.revenue);
  expect(mine).toEqual(inNode('congestion-charge', { charge: 12, frequency: 12 }, SEED));
  const carRow = dialog.locator('tr[data-metric="carShare"]');
  await expect(carRow.locator('td[data-yours]')).toHaveText(`${mine.carShare!.toFixed(1)}%`);
  await expect(carRow.locator('td[data-official]')).toHaveText(`${official.carShare!.toFixed(1)}%`);
  await expect(dialog.getByRole('heading', { name: 'Model against reality' })).toBeVisible();
  await expect(dialog.getByText('How this works')).toBeVisible();

  // Nobody else's view changed: the curator still sees only the official scenario.
  const curatorTwin = (await twinsIn(c))[0];
  expect(curatorTwin?.mine ?? null).toBeNull();

  // Share: the link reproduces exactly this scenario in a new context.
  await dialog.getByRole('button', { name: 'Share your scenario' }).click();
  await expect(dialog.getByText('Link copied.')).toBeVisible();
  const link = await v.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`/s/${SPACE}/e/${twinId}?scenario=`);
  const friend = await newVisitor({ baseURL: base });
  const f = friend.page;
  await enter(f, 'Fran', new URL(link).pathname + new URL(link).search);
  await expect.poll(() => hook(f, (h) => h.openExhibit())).toBe(twinId);
  await expect.poll(async () => (await twinsIn(f))[0]?.mine?.status, { timeout: 60_000 }).toBe('done');
  expect((await twinsIn(f))[0]!.mine!.metrics).toEqual(mine);
  await expect(f.getByRole('dialog', { name: TITLE }).locator('tr[data-metric="carShare"] td[data-yours]')).toHaveText(`${mine.carShare!.toFixed(1)}%`);
});

test('both models give bit-identical numbers in Chromium and in Node, and refuse bad levers', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  await enter(page, 'Dara', '/s/plaza');
  for (const g of goldenScenarios()) {
    const inPage = await page.evaluate((s) => window.__hustings!.simulate(s.modelId, s.params, s.seed), g);
    expect(inPage, `${g.modelId} seed ${g.seed}`).toEqual(inNode(g.modelId, g.params, g.seed));
  }
  const refusal = await page.evaluate(() => window.__hustings!.simulate('congestion-charge', { charge: Number.NaN }, 1).then(() => 'ran', (e: Error) => e.message));
  expect(refusal).toMatch(/charge/i);
  const range = await page.evaluate(() => window.__hustings!.simulate('carbon-dividend', { fee: 1e9 }, 1).then(() => 'ran', (e: Error) => e.message));
  expect(range).not.toBe('ran');
});
