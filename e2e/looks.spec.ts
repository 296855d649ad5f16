import type { Page } from '@playwright/test';
import { HAIR_STYLES, TOP_COLOURS, unpackLook, type AvatarLook } from '../shared/protocol/look.js';
import { enter, expect, hook, test, waitReady } from './fixtures.js';

/** The look the server put on an avatar, as this page sees it in the room state. */
async function lookOf(page: Page, name: string): Promise<AvatarLook | undefined> {
  const packed = await page.evaluate((n) => window.__hustings!.avatars().find((a) => a.name === n)?.look ?? 0, name);
  return unpackLook(packed);
}

test('a visitor chooses a look; others see it, and it stays through a door and a reload', async ({ newVisitor }) => {
  // Two software-rendered pages, a door and a reload: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const a = await newVisitor();
  const b = await newVisitor();
  await enter(a.page, 'Stylish', '/s/hall-1');
  // Before choosing: a look made from the session, the same on the next join.
  await expect.poll(() => lookOf(a.page, 'Stylish')).toBeDefined();
  const start = (await lookOf(a.page, 'Stylish'))!;

  // Choose another top colour and another hair or hat shape in the header's Look panel.
  const top = (start.top + 1) % TOP_COLOURS.length;
  const hair = (start.hair + 1) % HAIR_STYLES.length;
  await a.page.getByRole('button', { name: 'Look', exact: true }).click();
  await a.page.getByRole('group', { name: 'Top', exact: true }).getByRole('radio').nth(top).check();
  await a.page.getByRole('group', { name: 'Hair or hat', exact: true }).getByRole('radio').nth(hair).check();
  const chosen = { ...start, top, hair };
  await expect.poll(() => lookOf(a.page, 'Stylish')).toEqual(chosen);

  // Someone else in the hall sees it.
  await enter(b.page, 'Witness', '/s/hall-1');
  await expect.poll(() => lookOf(b.page, 'Stylish')).toEqual(chosen);

  // Through the door to the plaza (right behind the hall's spawn): the same look there.
  await a.page.getByRole('button', { name: 'Look', exact: true }).click();
  await a.page.locator('canvas').first().click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
  await a.page.keyboard.down('s');
  await expect.poll(() => hook(a.page, (h) => h.spaceId), { timeout: 20_000 }).toBe('plaza');
  await a.page.keyboard.up('s');
  await waitReady(a.page);
  await expect.poll(() => lookOf(a.page, 'Stylish')).toEqual(chosen);

  // A reload: the same look again.
  await a.page.reload();
  await waitReady(a.page);
  await expect.poll(() => lookOf(a.page, 'Stylish')).toEqual(chosen);
});

test('a look that is not one of the choices is refused with INVALID_INPUT', async ({ baseURL }) => {
  const guest = await fetch(`${baseURL}/api/session/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Odd' }) });
  const { token } = await guest.json() as { token: string };
  const res = await fetch(`${baseURL}/api/look`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ top: 99, bottom: 0, skin: 0, hair: 0, hairColour: 0 }),
  });
  expect(res.status).toBe(400);
  expect((await res.json() as { code: string }).code).toBe('INVALID_INPUT');
});
