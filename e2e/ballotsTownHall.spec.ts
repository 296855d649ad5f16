import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { parseCsv } from '../shared/csv.js';
import { adminSession, enterSignedIn, invitedAccount, type Credentials } from './accounts.js';
import { enter, expect, hook, test, waitReady, type Visitor } from './fixtures.js';
import { startLiveEvent } from './liveEvent.js';

/**
 * A quadratic ballot at a live town hall event, in real browsers at once: a curator sets it up,
 * issues one-time codes (downloaded once) and brings a member in from a CSV (a link per good row,
 * every bad row reported); the host opens it and puts it on the stage screen; four visitors vote
 * (two with codes, one with the member account the link made, one as a guest, tallied apart); a
 * forged over-budget change is refused with its reason; the others see the results live, on the
 * panel and the stage screen; the host closes it; the results download as JSON and CSV. The rules
 * are tested in server/domain/*.test.ts and server/http/{ballots,members}.test.ts.
 */

const CURATOR: Credentials = { email: 'cora.count@example.org', password: 'cora counts the credits', name: 'Cora Count' };
const HOST: Credentials = { email: 'hugo.ortega@example.org', password: 'hugo hosts the hustings', name: 'Hugo Ortega' };
const MEMBER = { email: 'ben.member@example.org', password: 'ben is a party member', name: 'Ben Member' };
const SPACE = 'townhall';
const TITLE = 'What should the council fund first?';

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show the ballot' }).click();
}

async function addVotes(page: Page, proposal: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByRole('button', { name: `One vote more for ${proposal}` }).click();
}

async function downloaded(page: Page, link: string): Promise<string> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return fs.readFileSync(await file.path(), 'utf8');
}

async function stageLine(page: Page): Promise<string | null> {
  return (await hook(page, (h) => h.stageBallot()))?.header ?? null;
}

/** A visitor casts in the panel and is told so; the page then leaves (fewer worlds to draw on two cores). */
async function castAndLeave(v: Visitor, votes: [string, number][], code?: string): Promise<void> {
  await openPanel(v.page);
  for (const [proposal, n] of votes) await addVotes(v.page, proposal, n);
  if (code) await v.page.getByLabel('Ballot code (if you were given one)').fill(code);
  await v.page.getByRole('button', { name: 'Cast ballot' }).click();
  await expect(v.page.getByRole('status').filter({ hasText: 'Your ballot is cast' })).toBeVisible();
}

test('a ballot at a live event: codes and members brought in, four visitors vote, a forged change is refused, the stage screen shows it live, the results download', async ({ newVisitor, baseURL }) => {
  test.setTimeout(600_000);
  await invitedAccount(baseURL!, CURATOR, 'curator', SPACE);
  await invitedAccount(baseURL!, HOST, 'host', SPACE);
  const admin = await adminSession(baseURL!);
  const event = await startLiveEvent(baseURL!, admin.token, 'Ballot night at the town hall');
  try {
    // The curator sets the ballot up: accounts and code holders counted, guests apart.
    const curator = await newVisitor();
    const c = curator.page;
    await enterSignedIn(c, CURATOR, `/s/${SPACE}`);
    await openPanel(c);
    await c.getByLabel('Title', { exact: true }).fill(TITLE);
    await c.getByLabel('Proposals, one per line').fill('Bus lanes\nLibrary hours\nStreet trees');
    await c.getByLabel('Ballot codes').check();
    await c.getByLabel('Guests (tallied apart)').check();
    await c.getByRole('button', { name: 'Set up ballot' }).click();
    await expect(c.getByRole('status').filter({ hasText: 'The ballot is set up' })).toBeVisible();

    // Two one-time codes, shown once and downloaded.
    await expect(c.getByTestId('code-counts')).toHaveText('0 codes issued, 0 used.');
    await c.getByLabel('How many codes').fill('2');
    await c.getByRole('button', { name: 'Issue codes' }).click();
    await expect(c.getByTestId('issued-codes').getByRole('listitem')).toHaveCount(2);
    await expect(c.getByTestId('code-counts')).toHaveText('2 codes issued, 0 used.');
    const shown = await c.getByTestId('issued-codes').getByRole('listitem').allTextContents();
    const codeRows = parseCsv(await downloaded(c, 'Download codes (CSV)'));
    expect(codeRows[0]).toEqual(['ballot', 'code']);
    expect(codeRows.slice(1)).toEqual(shown.map((code) => [TITLE, code]));
    for (const code of shown) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await c.getByRole('button', { name: 'Hide codes' }).click();
    await expect(c.getByTestId('issued-codes')).toHaveCount(0);

    // Members from a CSV file: one good row; a bad address, a formula, a repeat and an existing account are reported.
    const csv = `Name,Email\n${MEMBER.name},${MEMBER.email}\nNot one,not-an-address\nEve,"=HYPERLINK(""http://evil.example"")"\nBen again,BEN.MEMBER@example.org\nCora,${CURATOR.email}\n`;
    await c.getByLabel('CSV file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(c.getByLabel('Email addresses')).toHaveValue(csv);
    await c.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(c.getByTestId('member-summary')).toHaveText('Checked 5 rows: 1 can be invited. 4 rows were not used. Nothing was made yet.');
    await c.getByRole('button', { name: 'Create invitations' }).click();
    await expect(c.getByTestId('member-summary')).toHaveText('Made 1 invitation from 5 rows. 4 rows were not used.');
    expect(await c.locator('.member-problems tbody tr').evaluateAll((rows) => rows.map((r) => [r.children[0]!.textContent, r.getAttribute('data-code')]))).toEqual([
      ['3', 'INVALID_EMAIL'], ['4', 'FORMULA_CELL'], ['5', 'DUPLICATE'], ['6', 'ALREADY_MEMBER'],
    ]);
    // The formula is shown as text only, and the report's CSV defuses it for spreadsheets.
    await expect(c.locator('.member-problems code').filter({ hasText: '=HYPERLINK("http://evil.example")' })).toHaveCount(1);
    await expect(c.locator('.member-invites a[href*="evil"]')).toHaveCount(0);
    const report = await downloaded(c, 'Download these rows (CSV)');
    expect(report.split('\n').filter((l) => l.startsWith('4,'))).toEqual([expect.stringMatching(/^4,"'=HYPERLINK\(""http:\/\/evil\.example""\)","FORMULA_CELL","This cell starts like a spreadsheet formula/)]);
    const links = parseCsv(await downloaded(c, 'Download invitation links (CSV)'));
    expect(links[0]).toEqual(['row', 'email', 'invitation_link', 'expires_at']);
    expect(links).toHaveLength(2);
    expect(links[1]!.slice(0, 2)).toEqual(['2', MEMBER.email]);
    const memberLink = links[1]![2]!;
    expect(memberLink).toMatch(new RegExp(`^${new URL(baseURL!).origin}/invite/[A-Za-z0-9_-]{43}$`));
    // The curator's work is done: her page goes (at most three software-rendered worlds at once on two cores).
    await curator.context.close();

    // The host, at the live event, opens the ballot and puts it on the stage screen.
    const host = await newVisitor();
    const h = host.page;
    await enterSignedIn(h, HOST, `/s/${SPACE}`);
    await expect.poll(async () => (await hook(h, (x) => x.hall()))?.eventState).toBe('live');
    await openPanel(h);
    await h.getByRole('button', { name: 'Open ballot' }).click();
    await h.getByRole('button', { name: 'Show on the stage screen' }).click();
    await expect(h.getByRole('button', { name: 'Take off the stage screen' })).toBeVisible();
    await expect.poll(() => stageLine(h)).toBe('BALLOT · VOTING IS OPEN · 0 VOTED');
    await expect(h.getByTestId('code-counts')).toHaveText('2 codes issued, 0 used.');

    // Ana watches from the hall; her stage screen shows the ballot too.
    const ana = await newVisitor();
    const a = ana.page;
    await enter(a, 'Ana', `/s/${SPACE}`);
    // A new world's first frames (the screen's text among them) wait on the GPU process it shares
    // with three other software-rendered pages: as generous as waitReady.
    await expect.poll(() => stageLine(a), { timeout: 120_000 }).toBe('BALLOT · VOTING IS OPEN · 0 VOTED');
    await openPanel(a);

    // Ben accepts the member invitation: an account with no role, which may vote.
    const ben = await newVisitor();
    await ben.page.goto(memberLink);
    await expect(ben.page.getByText('You are invited to join as a member')).toBeVisible();
    await ben.page.getByLabel('Display name').fill(MEMBER.name);
    await expect(ben.page.getByLabel('Email', { exact: true })).toHaveValue(MEMBER.email);
    await ben.page.getByLabel('Password', { exact: true }).fill(MEMBER.password);
    await ben.page.getByLabel('Confirm password').fill(MEMBER.password);
    await ben.page.getByRole('button', { name: 'Create account and accept' }).click();
    await expect(ben.page.getByText(`Signed in as ${MEMBER.name}`)).toBeVisible();
    await ben.page.getByRole('button', { name: 'Enter' }).click();
    await waitReady(ben.page);
    await castAndLeave(ben, [['Bus lanes', 3]]);
    await expect(ben.page.getByRole('status').filter({ hasText: 'Your ballot is cast: 9 of 100' })).toBeVisible();
    await ben.context.close();

    // Ana votes with the first code (typed in lower case), Cy with the second, Dee as a guest.
    await addVotes(a, 'Library hours', 5);
    await expect(a.getByTestId('credits-left')).toHaveText('Credits left: 75 of 100');
    await a.getByLabel('Ballot code (if you were given one)').fill(shown[0]!.toLowerCase());
    await a.getByRole('button', { name: 'Cast ballot' }).click();
    await expect(a.getByRole('status').filter({ hasText: 'Your ballot is cast: 25 of 100' })).toBeVisible();
    await expect(a.getByLabel('Ballot code (if you were given one)')).toHaveCount(0);

    const cy = await newVisitor();
    await enter(cy.page, 'Cy', `/s/${SPACE}`);
    await castAndLeave(cy, [['Bus lanes', 4], ['Street trees', 2]], shown[1]);
    await cy.context.close();

    const dee = await newVisitor();
    const d = dee.page;
    await enter(d, 'Dee', `/s/${SPACE}`);
    await castAndLeave(dee, [['Street trees', 10]]);
    // Dee's forged change, sent past the page with her own session: 10^2 + 1^2 = 101 credits.
    const ballotId = (await hook(d, (x) => x.ballots())).find((b) => b.title === TITLE)!.id;
    const forged = await d.evaluate(async ({ space, id }) => {
      const session = JSON.parse(sessionStorage.getItem('hustings:session') ?? 'null') as { token: string };
      const res = await fetch(`/api/spaces/${space}/ballots/${id}/allocation`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ votes: { p3: 10, p1: 1 } }),
      });
      return { status: res.status, body: await res.json() as unknown };
    }, { space: SPACE, id: ballotId });
    expect(forged).toEqual({ status: 400, body: { code: 'INVALID_INPUT', message: 'That allocation costs 101 voice credits, but the budget is 100. Take some votes off first.' } });
    await dee.context.close();

    // Live for the others: Ana's panel and stage screen, the host's count of codes used.
    await expect(a.getByText('3 ballots counted, 1 from guests (shown apart).')).toBeVisible();
    await expect(a.getByText('7 for; 25 credits from 2 voters')).toBeVisible();
    await expect.poll(async () => (await hook(a, (x) => x.stageBallot()))).toEqual({ ballotId, header: 'BALLOT · VOTING IS OPEN · 3 VOTED', hidden: false, values: [7, 5, 2] });
    await expect(h.getByTestId('code-counts')).toHaveText('2 codes issued, 2 used.');

    // The host closes it during the event: the stage says so and Ana's page takes no more changes.
    await h.getByRole('button', { name: 'Close ballot' }).click();
    await expect.poll(() => stageLine(a)).toBe('BALLOT · CLOSED · 3 VOTED');
    await expect(a.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    expect((await hook(h, (x) => x.hall()))?.eventState).toBe('live');

    // Open data, from Ana's panel.
    const json = JSON.parse(await downloaded(a, 'Results (JSON)')) as { turnout: unknown; hidden: boolean; proposals: { title: string; counted: { for: number }; guests: { for: number } }[] };
    expect(json.hidden).toBe(false);
    expect(json.turnout).toEqual({ accounts: 1, codes: 2, guests: 1 });
    expect(json.proposals.map((p) => [p.title, p.counted.for, p.guests.for])).toEqual([['Bus lanes', 7, 0], ['Library hours', 5, 0], ['Street trees', 2, 10]]);
    const csvLines = (await downloaded(a, 'Results (CSV)')).split('\r\n');
    expect(csvLines).toContain('"proposal","counted","p1","Bus lanes",7,0,7,25,2,,,,');
    expect(csvLines).toContain('"proposal","counted","p2","Library hours",5,0,5,25,1,,,,');
    expect(csvLines).toContain('"proposal","guests","p3","Street trees",10,0,10,100,1,,,,');

    // Off the stage screen: the hall shows the event again.
    await h.getByRole('button', { name: 'Take off the stage screen' }).click();
    await expect.poll(() => stageLine(a)).toBe(null);
  } finally {
    await event.end();
  }
});
