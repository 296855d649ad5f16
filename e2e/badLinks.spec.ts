import { expect, test } from './fixtures.js';

/**
 * Every bad link ends on a page that says what happened and offers the way on: never raw JSON,
 * never a silent landing somewhere else.
 */

const SHOTS = 'test-results/bad-links';

test('a badly encoded event link says it is damaged (an HTML page, not JSON) and leads to the events', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  const res = await page.goto('/events/%E0%A4%A');
  expect(res?.headers()['content-type']).toContain('text/html');
  await expect(page.getByRole('heading', { name: 'This event link is damaged' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/event-damaged.png` });
  await page.getByRole('link', { name: 'See all events' }).click();
  await expect(page.getByRole('heading', { name: 'Events', level: 1 })).toBeVisible();
});

test('an event link with an id nobody has says there is no such event', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  await page.goto('/events/3f1c2a9e-not-an-event');
  await expect(page.getByRole('heading', { name: 'There is no such event' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'See all events' })).toBeVisible();
});

test('a cut-short or removed exhibit link says so before entering, and the hall can still be entered', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  // Cut short: too little of the id is left to be one.
  await page.goto('/s/hall-1/e/abc');
  await expect(page.getByRole('heading', { name: 'This exhibit link is damaged' })).toBeVisible();
  await expect(page.getByText('You are about to enter')).toContainText('Exhibition Hall');
  await page.screenshot({ path: `${SHOTS}/exhibit-damaged.png` });
  // Removed (or never published): a well-formed id the hall does not show.
  await page.goto('/s/hall-1/e/removed-exhibit-42');
  await expect(page.getByRole('heading', { name: 'That exhibit is not on show' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Exhibition Hall');
  await page.getByLabel('Display name').fill('Linus');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect.poll(() => page.evaluate(() => window.__hustings?.ready === true), { timeout: 120_000 }).toBe(true);
});

test('a path inside a space that is not an exhibit link names the space and offers it, not the plaza', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  await page.goto('/s/hall-1/exhibit/abc');
  await expect(page.getByRole('heading', { name: 'Nothing is at this address' })).toBeVisible();
  await expect(page.getByText('/s/hall-1/exhibit/abc')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/space-path.png` });
  await page.getByRole('link', { name: 'Go to Exhibition Hall' }).click();
  await expect(page.getByText('You are about to enter')).toContainText('Exhibition Hall');
  expect(new URL(page.url()).pathname).toBe('/s/hall-1');
});

test('an address the site does not have is a page with a 404, and damaged invitation links say so', async ({ newVisitor }) => {
  const { page } = await newVisitor();
  const res = await page.goto('/no/such/page');
  expect(res?.status()).toBe(404);
  expect(res?.headers()['content-type']).toContain('text/html');
  await expect(page.getByRole('heading', { name: 'There is no such page' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the front page' }).click();
  await expect(page.getByLabel('Display name')).toBeVisible();

  await page.goto('/invite/%E0%A4%A');
  await expect(page.getByRole('heading', { name: 'This invitation link is damaged' })).toBeVisible();
});
