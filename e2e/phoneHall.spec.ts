import type { Page } from '@playwright/test';
import { callApi } from '../shared/protocol/apiClient.js';
import { enter, expect, hook, test } from './fixtures.js';

/**
 * A phone in the town hall: the stage screen stays in view, whether the Q&A is folded or open;
 * the event, the Q&A and the controls are one sheet at the bottom.
 */

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } as const;
const SHOTS = 'test-results/phone-hall';

/** The stage screen's centre and corners that are drawn on the canvas and not under any overlay. */
async function screenPointsInView(page: Page, screen: { x: number; y: number; z: number; width: number; height: number }): Promise<number> {
  const points = [
    [screen.x, screen.y], [screen.x - screen.width / 2, screen.y + screen.height / 2], [screen.x + screen.width / 2, screen.y + screen.height / 2],
    [screen.x - screen.width / 2, screen.y - screen.height / 2], [screen.x + screen.width / 2, screen.y - screen.height / 2],
  ] as const;
  return page.evaluate(({ points, z }) => points.filter(([x, y]) => {
    const s = window.__hustings!.project(x, y, z);
    if (!s || s.x < 0 || s.y < 0 || s.x > window.innerWidth || s.y > window.innerHeight) return false;
    return document.elementFromPoint(s.x, s.y)?.tagName === 'CANVAS';
  }).length, { points, z: screen.z });
}

test('on a phone in the town hall the stage screen stays in view; Q&A and controls are a bottom sheet', async ({ newVisitor, baseURL }) => {
  test.setTimeout(180_000);
  const { space } = await callApi('getSpace', { baseUrl: baseURL!, params: { id: 'townhall' } });
  const screen = space.stage!.screen;
  const { page } = await newVisitor({ device: PHONE });
  await enter(page, 'Pia', '/s/townhall');
  const sheet = page.getByRole('region', { name: 'Event, questions and controls' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Raise hand' })).toBeVisible();
  // The sheet is docked at the bottom, inside the screen.
  const box = (await sheet.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
  expect(box.y).toBeGreaterThan(844 / 3);

  // Folded: every corner of the stage screen is drawn and uncovered.
  await expect.poll(() => screenPointsInView(page, screen), { message: 'the stage screen in view with the Q&A folded' }).toBe(5);
  await page.screenshot({ path: `${SHOTS}/folded.png` });

  // Open: the Q&A unfolds in the sheet; the 3D view shrinks above it and the screen stays in view.
  await page.getByRole('button', { name: 'Show questions and answers' }).tap();
  await expect(page.getByRole('tab', { name: 'Ask' })).toBeVisible();
  await page.getByRole('tab', { name: 'Ask' }).tap();
  await expect.poll(() => screenPointsInView(page, screen), { message: 'the stage screen in view with the Q&A open' }).toBe(5);
  // The 3D view is resized by a ResizeObserver after the sheet grows: wait for the layout to settle.
  await expect.poll(async () => {
    const canvas = await page.evaluate(() => document.querySelector('canvas')!.getBoundingClientRect().bottom);
    const open = (await sheet.boundingBox())!;
    return canvas - open.y;
  }, { message: 'the 3D view ends where the open sheet begins' }).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SHOTS}/open.png` });
  expect(await hook(page, (h) => h.ready)).toBe(true);
});
