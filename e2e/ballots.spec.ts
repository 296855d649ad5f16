import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { enter, expect, hook, test } from './fixtures.js';

/**
 * A quadratic ballot in real browsers: a curator sets one up in the plaza and opens it, two
 * visitors allocate voice credits in the panel (the page stops them at the budget), a forged
 * over-budget change sent past the page is refused with a reason, the results reach every page
 * live and grow the ballot stand's bars, and the results download as CSV and JSON. The rules
 * themselves are tested in server/domain/ballots.test.ts and server/http/ballots.test.ts.
 */

const CURATOR: Credentials = { email: 'bea.ballots@example.org', password: 'bea sets up the ballots', name: 'Bea Ballots' };
const SPACE = 'plaza';

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show the ballot' }).click();
}

async function addVotes(page: Page, proposal: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByRole('button', { name: `One vote more for ${proposal}` }).click();
}

test('a curator sets up a ballot, visitors vote within their budget, a forged change is refused, results show and download', async ({ newVisitor, baseURL }) => {
  test.setTimeout(240_000);
  await invitedAccount(baseURL!, CURATOR, 'curator', SPACE);
  const curator = await newVisitor();
  await enterSignedIn(curator.page, CURATOR, `/s/${SPACE}`);
  const c = curator.page;

  // Set up: guests may vote (tallied apart); the curator's own ballot counts and is named.
  await openPanel(c);
  await c.getByLabel('Title', { exact: true }).fill('Where should the plaza budget go?');
  await c.getByLabel('Proposals, one per line').fill('Trees\nBenches\nFountain repair');
  await c.getByLabel('Guests (tallied apart)').check();
  await c.getByRole('button', { name: 'Set up ballot' }).click();
  await expect(c.getByRole('status').filter({ hasText: 'The ballot is set up' })).toBeVisible();
  await expect(c.getByTestId('ballot-phase')).toHaveText('Not open yet');
  await c.getByRole('button', { name: 'Open ballot' }).click();
  await expect(c.getByTestId('ballot-phase')).toHaveText(/^Open/);

  const ana = await newVisitor();
  const ben = await newVisitor();
  await enter(ana.page, 'Ana', `/s/${SPACE}`);
  await enter(ben.page, 'Ben', `/s/${SPACE}`);
  for (const v of [ana, ben]) await openPanel(v.page);

  // Ana: 3 votes on Trees cost 9 credits; the page shows what is left as she adds them.
  await addVotes(ana.page, 'Trees', 3);
  await expect(ana.page.getByTestId('credits-left')).toHaveText('Credits left: 91 of 100');
  await ana.page.getByRole('button', { name: 'Cast ballot' }).click();
  await expect(ana.page.getByRole('status').filter({ hasText: 'Your ballot is cast: 9 of 100' })).toBeVisible();

  // Ben spends everything on Benches: the tenth vote costs the last 19 credits, an eleventh is not offered.
  await addVotes(ben.page, 'Benches', 10);
  await expect(ben.page.getByTestId('credits-left')).toHaveText('Credits left: 0 of 100');
  await expect(ben.page.getByRole('button', { name: 'One vote more for Benches' })).toBeDisabled();
  await expect(ben.page.getByRole('button', { name: 'One vote more for Trees' })).toBeDisabled();
  await ben.page.getByRole('button', { name: 'Cast ballot' }).click();
  await expect(ben.page.getByRole('status').filter({ hasText: 'Your ballot is cast: 100 of 100' })).toBeVisible();

  // A forged change sent past the page, with Ben's own session: 10^2 + 1^2 = 101 credits.
  const ballotId = (await hook(ben.page, (h) => h.ballots()))[0]!.id;
  const forged = await ben.page.evaluate(async ({ space, id }) => {
    const session = JSON.parse(sessionStorage.getItem('hustings:session') ?? 'null') as { token: string };
    const res = await fetch(`/api/spaces/${space}/ballots/${id}/allocation`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ votes: { p2: 10, p1: 1 } }),
    });
    return { status: res.status, body: await res.json() as { code: string; message: string } };
  }, { space: SPACE, id: ballotId });
  expect(forged).toEqual({ status: 400, body: { code: 'INVALID_INPUT', message: 'That allocation costs 101 voice credits, but the budget is 100. Take some votes off first.' } });

  // The curator votes too (an account: counted, and named as staff). Every page sees the tallies live.
  await addVotes(c, 'Fountain repair', 2);
  await c.getByRole('button', { name: 'Cast ballot' }).click();
  await expect(c.getByRole('status').filter({ hasText: 'Your ballot is cast: 4 of 100' })).toBeVisible();
  await expect(ana.page.getByText('1 ballot counted, 2 from guests (shown apart).')).toBeVisible();
  await expect(ana.page.getByText('10 for; 100 credits from 1 voter')).toBeVisible();
  // The stand's bar for the counted votes on Fountain repair grows; the others stay low.
  await expect.poll(async () => (await hook(ana.page, (h) => h.ballots()))[0]?.bars.map((b) => Math.round(b * 100) / 100)).toEqual([0.04, 0.04, 2.04]);

  // Open data: the downloads a visitor gets from the panel.
  const [csvDownload] = await Promise.all([ana.page.waitForEvent('download'), ana.page.getByRole('link', { name: 'Results (CSV)' }).click()]);
  const csv = fs.readFileSync((await csvDownload.path()), 'utf8').split('\r\n');
  expect(csv[0]).toBe('section,group,proposal_id,proposal,votes_for,votes_against,net,credits,voters,name,voter_class,staff,votes');
  expect(csv).toContain('"proposal","guests","p2","Benches",10,0,10,100,1,,,,');
  expect(csv).toContain('"proposal","counted","p3","Fountain repair",2,0,2,4,1,,,,');
  expect(csv).toContain('"named_ballot",,"p3","Fountain repair",,,,4,,"Bea Ballots","account","yes",2');
  const [jsonDownload] = await Promise.all([ana.page.waitForEvent('download'), ana.page.getByRole('link', { name: 'Results (JSON)' }).click()]);
  const json = JSON.parse(fs.readFileSync((await jsonDownload.path()), 'utf8')) as { turnout: unknown; namedBallots: { name: string }[] };
  expect(json.turnout).toEqual({ accounts: 1, codes: 0, guests: 2 });
  expect(json.namedBallots.map((b) => b.name)).toEqual(['Bea Ballots']);

  // Closing: the curator's panel says so, the visitors' pages take no more changes, and the plaza's
  // stand and panel go (the results stay open data).
  await c.getByRole('button', { name: 'Close ballot' }).click();
  await expect(c.getByTestId('ballot-phase')).toHaveText('Closed');
  await expect.poll(async () => (await hook(ana.page, (h) => h.ballots()))[0]?.phase).toBe('closed');
  await expect(ana.page.getByRole('button', { name: 'Cast ballot' })).toHaveCount(0);
  await expect(ana.page.getByRole('heading', { name: 'Ballot', exact: true })).toHaveCount(0);
});
