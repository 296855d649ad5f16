import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { commentsCsv, votesCsv, type OpenConversation } from '../shared/consensus/openData.js';
import { callApi } from '../shared/protocol/apiClient.js';
import { enterSignedIn, invitedAccount } from './accounts.js';
import { enter, expect, hook, test } from './fixtures.js';

// Four statements: min(7, 4) = 4 votes put a voter on the map, so each voter votes four times.
const STATEMENTS = ['Buses should run all night.', 'Fares should be free.', 'Trams on the high street.', 'A congestion charge.'];

/** Votes through the panel on every statement it offers: camp 0 agrees with the first two and disagrees with the rest, camp 1 the opposite. */
async function voteAll(page: Page, camp: 0 | 1): Promise<void> {
  await page.getByRole('button', { name: /^Consensus/ }).click();
  const panel = page.getByRole('region', { name: 'Consensus' });
  for (let i = 0; i < STATEMENTS.length; i++) {
    const card = panel.locator('blockquote.consensus-statement');
    const number = Number(await card.getAttribute('data-statement'));
    const agree = (number < 2) === (camp === 0);
    await panel.getByRole('button', { name: agree ? 'Agree' : 'Disagree', exact: true }).click();
    await expect.poll(() => hook(page, (h) => h.consensus()?.votes ?? 0)).toBe(i + 1);
  }
  await expect(panel.getByText('You have voted on every statement.')).toBeVisible();
}

test('four visitors vote on a consensus question and see the groups form, on the map and as text', async ({ newVisitor, baseURL }) => {
  // Four software-rendered worlds and 16 votes through the page, on a shared machine.
  test.setTimeout(420_000);
  const curator = await invitedAccount(baseURL!, { email: 'consensus-curator@example.org', password: 'a consensus curator password', name: 'Cora Curator' }, 'curator', 'plaza');
  await callApi('askConsensus', { baseUrl: baseURL!, token: curator.token, params: { id: 'plaza' }, body: { question: 'How should we get around town?', statements: STATEMENTS } });

  const visitors = await Promise.all([0, 1, 2, 3].map(() => newVisitor()));
  for (const [i, v] of visitors.entries()) await enter(v.page, `Voter ${i}`, '/s/plaza');
  for (const [i, v] of visitors.entries()) {
    await expect.poll(() => hook(v.page, (h) => h.consensus()?.statements ?? 0)).toBe(STATEMENTS.length);
    await voteAll(v.page, (i % 2) as 0 | 1);
  }

  // Everyone sees two groups of two (pushed by the room), is on the map, and in a group.
  for (const v of visitors) {
    await expect.poll(() => hook(v.page, (h) => h.consensus()?.groups), { timeout: 30_000 }).toEqual([2, 2]);
    await expect.poll(() => hook(v.page, (h) => h.consensus()?.group ?? null)).not.toBeNull();
    await expect.poll(() => hook(v.page, (h) => h.consensus()?.drawn ?? 0)).toBe(4);
  }
  // Voters in the same camp share a group; the camps differ.
  const groups = await Promise.all(visitors.map((v) => hook(v.page, (h) => h.consensus()!.group)));
  expect(groups[0]).toBe(groups[2]);
  expect(groups[1]).toBe(groups[3]);
  expect(groups[0]).not.toBe(groups[1]);

  // The text version names both groups and the bridging statements.
  const panel = visitors[0]!.page.getByRole('region', { name: 'Consensus' });
  await expect(panel.getByText('Group A', { exact: true })).toBeVisible();
  await expect(panel.getByText('Group B', { exact: true })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Statements that bridge the groups' })).toBeVisible();

  // A visitor's own statement waits for a moderator.
  await panel.getByLabel('Add a statement (one idea, in your own words)').fill('A night bus to the hospital.');
  await panel.getByRole('button', { name: 'Add statement' }).click();
  await expect(panel.getByRole('status')).toHaveText('Thank you: your statement waits for a moderator.');

  // The open data downloads: one row per voter, one column per statement (the waiting one too).
  const csv = await (await visitors[0]!.page.request.get('/api/spaces/plaza/consensus/participants-votes.csv')).text();
  const [header, ...lines] = csv.trim().split('\n');
  expect(header!.split(',')).toHaveLength(6 + STATEMENTS.length + 1);
  const rows = lines.filter((r) => r.split(',')[3] !== '0');
  expect(rows).toHaveLength(4);
  expect(rows.every((r) => r.split(',').length === 6 + STATEMENTS.length + 1)).toBe(true);
});

test('a curator asks a consensus question from the page', async ({ newVisitor, baseURL }) => {
  test.setTimeout(180_000);
  const who = { email: 'hall-curator@example.org', password: 'a hall curator password', name: 'Hal Curator' };
  await invitedAccount(baseURL!, who, 'curator', 'hall-1');
  const curator = await newVisitor();
  await enterSignedIn(curator.page, who, '/s/hall-1');
  await curator.page.getByRole('button', { name: 'Ask a consensus question' }).click();
  const form = curator.page.getByRole('form', { name: 'Ask a consensus question' });
  await form.getByLabel('Question').fill('Which exhibit should travel to the libraries?');
  await form.getByLabel('First statements, one per line').fill('The congestion twin.\nThe carbon dividend twin.\n\nBoth of them.');
  await form.getByRole('button', { name: 'Ask' }).click();
  await expect.poll(() => hook(curator.page, (h) => h.consensus()?.statements ?? 0)).toBe(3);
  await expect(curator.page.getByRole('region', { name: 'Consensus' }).getByRole('heading', { name: 'Which exhibit should travel to the libraries?' })).toBeVisible();
});

test('a moderator imports a conversation from files, sees each unreadable row, then moderates a visitor\'s statement live', async ({ newVisitor, baseURL }) => {
  // Two software-rendered worlds on a shared machine.
  test.setTimeout(300_000);
  const who = { email: 'import-moderator@example.org', password: 'an import moderator password', name: 'Imogen Importer' };
  const session = await invitedAccount(baseURL!, who, 'moderator', 'hall-1');
  await callApi('askConsensus', { baseUrl: baseURL!, token: session.token, params: { id: 'hall-1' }, body: { question: 'A question to be replaced by the import.', statements: ['A first statement.'] } });
  const moderator = await newVisitor();
  await enterSignedIn(moderator.page, who, '/s/hall-1');
  const page = moderator.page;
  await expect.poll(() => hook(page, (h) => h.consensus()?.statements ?? 0)).toBe(1);
  await page.getByRole('button', { name: /^Consensus/ }).click();
  await page.getByRole('region', { name: 'Consensus' }).getByRole('button', { name: 'Import a conversation' }).click();
  const form = page.getByRole('form', { name: 'Import a conversation' });
  await form.getByLabel('Question').fill('How should the river be crossed?');

  // Files with mistakes: every row that cannot be read is listed with its code.
  const header = 'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body';
  await form.getByLabel('comments.csv').setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n1,,0,0,0,0,1,A bridge.\n1,,0,1,0,0,1,A ferry.\n`) });
  await form.getByLabel('votes.csv or participants-votes.csv').setInputFiles({ name: 'votes.csv', mimeType: 'text/csv', buffer: Buffer.from('timestamp,datetime,comment-id,voter-id,vote\n1,,0,0,yes\n') });
  await form.getByRole('button', { name: 'Import' }).click();
  const problems = form.getByRole('list', { name: 'Rows that could not be read' }).getByRole('listitem');
  await expect(problems).toHaveText(['DUPLICATE_COMMENT comments.csv, line 3: comment 0 appears twice.', 'BAD_VOTE votes.csv, line 2: a vote is 1, -1 or 0, not "yes".']);
  // The form with its problems listed passes axe (labels, contrast, the alert).
  const axe = await new AxeBuilder({ page }).include('form[aria-label="Import a conversation"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(axe.passes.length).toBeGreaterThan(5);

  // Good files: six statements, twenty people in two camps.
  const T = Date.UTC(2026, 0, 1);
  const texts = ['A new bridge.', 'A ferry.', 'A tunnel.', 'Widen the old bridge.', 'Cable cars.', 'Stepping stones.'];
  const campVote = (statement: number, voter: number): 1 | -1 => ((statement < 3) === (voter % 2 === 0) ? 1 : -1);
  const open: OpenConversation = {
    statements: texts.map((text, id) => ({ id, authorId: 0, createdAt: T, moderated: 1, text })),
    votes: Array.from({ length: 20 }, (_, voter) => texts.map((_, statement) => ({ statement, voter, vote: campVote(statement, voter), at: T + voter }))).flat(),
  };
  await form.getByLabel('comments.csv').setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(commentsCsv(open)) });
  await form.getByLabel('votes.csv or participants-votes.csv').setInputFiles({ name: 'votes.csv', mimeType: 'text/csv', buffer: Buffer.from(votesCsv(open)) });
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form).toBeHidden();
  await expect.poll(() => hook(page, (h) => h.consensus()?.source)).toBe('imported');
  await expect.poll(() => hook(page, (h) => h.consensus()?.statements ?? 0)).toBe(6);
  // Shown like any other: its groups arrive (pushed by the room) and are listed as text (the constellation stands in the plaza).
  await expect.poll(() => hook(page, (h) => h.consensus()?.groups), { timeout: 30_000 }).toEqual([10, 10]);
  const panel = page.getByRole('region', { name: 'Consensus' });
  await expect(panel.getByRole('heading', { name: 'How should the river be crossed?' })).toBeVisible();
  await expect(panel.getByText('Group B', { exact: true })).toBeVisible();
  await expect(panel.getByText('No statements are waiting for a moderator.')).toBeVisible();

  // A visitor adds a statement: it appears in the moderator's panel without a reload; accepted, it reaches the visitor.
  const visitor = await newVisitor();
  await enter(visitor.page, 'Vic Visitor', '/s/hall-1');
  await expect.poll(() => hook(visitor.page, (h) => h.consensus()?.statements ?? 0)).toBe(6);
  await visitor.page.getByRole('button', { name: /^Consensus/ }).click();
  const visitorPanel = visitor.page.getByRole('region', { name: 'Consensus' });
  await visitorPanel.getByLabel('Add a statement (one idea, in your own words)').fill('A footbridge for cyclists.');
  await visitorPanel.getByRole('button', { name: 'Add statement' }).click();
  const waiting = panel.getByRole('region', { name: 'Statements waiting for a moderator' });
  await expect(waiting.getByText('A footbridge for cyclists.')).toBeVisible();
  await waiting.getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => hook(visitor.page, (h) => h.consensus()?.statements ?? 0)).toBe(7);
  // Nobody has voted on it: it is the visitor's next statement.
  await expect(visitorPanel.locator('blockquote.consensus-statement')).toHaveText('A footbridge for cyclists.');
  await expect(panel.getByText('No statements are waiting for a moderator.')).toBeVisible();
});
