import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotCreateRequest, BallotsLive } from '../../shared/protocol/ballots.js';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import { bootServer, createAccount, guestToken, joinSpace, waitFor, type TestAccount } from '../testing/harness.js';

/**
 * Quadratic ballots over HTTP against a real server: who may set them up, the budget enforced
 * on every change (a forged over-budget allocation is refused), who may vote (accounts, one-time
 * codes, guests apart), privacy locking, staff always named, hidden-until-close, results as JSON
 * and CSV, and the live summary rooms send.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;
let server: Server;
let curator: TestAccount;
let host: TestAccount;
let visitor: TestAccount;
let second: TestAccount;
let elsewhere: TestAccount;

const SPACE = 'townhall';
const on = (token: string | null) => ({ baseUrl: server.http, token });
const at = (ballotId: string) => ({ id: SPACE, ballotId });

async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const outcome = await call.then(() => 'succeeded', (err: unknown) => err);
  expect(outcome).toBeInstanceOf(ApiCallError);
  const err = outcome as ApiCallError;
  return { status: err.status, code: err.code, message: err.message };
}

const proposals = [{ title: 'More parks' }, { title: 'Night buses' }, { title: 'New homes' }];

async function openBallot(extra: Partial<BallotCreateRequest> = {}) {
  const ballot = await callApi('createBallot', { ...on(curator.token), params: { id: SPACE }, body: { title: 'Where should the money go?', proposals, ...extra } });
  return callApi('updateBallot', { ...on(host.token), params: at(ballot.id), body: { phase: 'open' } });
}

const cast = (token: string, ballotId: string, votes: Record<string, number>, code?: string) =>
  callApi('castAllocation', { ...on(token), params: at(ballotId), body: code ? { votes, code } : { votes } });

beforeAll(async () => {
  server = await bootServer();
  curator = await createAccount(server, { name: 'Cleo Curator', grants: [{ role: 'curator', spaceId: SPACE }] });
  host = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: SPACE }] });
  visitor = await createAccount(server, { name: 'Vera Voter' });
  second = await createAccount(server, { name: 'Sami Second' });
  elsewhere = await createAccount(server, { name: 'Otto Elsewhere', grants: [{ role: 'curator', spaceId: 'hall-1' }] });
});
afterAll(async () => {
  await server?.close();
});

describe('setting up a ballot', () => {
  it('lets curators and hosts of the space set up and run one, with the defaults of the issue', async () => {
    const ballot = await callApi('createBallot', { ...on(curator.token), params: { id: SPACE }, body: { title: 'Budget 2031', proposals } });
    expect(ballot).toMatchObject({
      spaceId: SPACE, budget: 100, maxVotes: 10, allowAgainst: false, results: 'live', privacy: 'anonymous',
      voters: { accounts: true, codes: false, guests: false }, phase: 'scheduled', locked: false, onStage: false,
    });
    expect(ballot.proposals.map((p) => [p.id, p.title])).toEqual([['p1', 'More parks'], ['p2', 'Night buses'], ['p3', 'New homes']]);
    const opened = await callApi('updateBallot', { ...on(host.token), params: at(ballot.id), body: { phase: 'open', onStage: true } });
    expect(opened).toMatchObject({ phase: 'open', onStage: true });
    const { entries } = await callApi('audit', { ...on((await createAccount(server, { grants: [{ role: 'admin' }] })).token), query: { limit: 20 } });
    expect(entries.filter((e) => e.targetId === ballot.id).map((e) => e.action).sort()).toEqual(['ballot.create', 'ballot.update']);
  });

  it('refuses visitors, guests and staff of other spaces (403) and strangers (401)', async () => {
    const body = { title: 'Not mine', proposals };
    for (const token of [visitor.token, elsewhere.token, await guestToken(server.url, 'Gus')]) {
      expect(await refusal(callApi('createBallot', { ...on(token), params: { id: SPACE }, body }))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    }
    expect(await refusal(callApi('createBallot', { ...on(null), params: { id: SPACE }, body }))).toMatchObject({ status: 401, code: 'NOT_ALLOWED' });
  });

  it('validates: two proposals at least, a budget in range, links only to exhibits of the space, times in order', async () => {
    const make = (body: Record<string, unknown>) => refusal(callApi('createBallot', { ...on(curator.token), params: { id: SPACE }, body: { title: 'Checked', proposals, ...body } }));
    expect(await make({ proposals: [{ title: 'Alone' }] })).toMatchObject({ status: 400, code: 'INVALID_INPUT', message: expect.stringMatching(/at least two proposals/) });
    expect(await make({ budget: 0 })).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(await make({ proposals: [{ title: 'Parks', exhibitIds: ['no-such-exhibit'] }, { title: 'Buses' }] })).toMatchObject({ status: 400, message: expect.stringMatching(/not in this space/) });
    expect(await make({ opensAt: '2031-01-02T00:00:00Z', closesAt: '2031-01-01T00:00:00Z' })).toMatchObject({ status: 400, message: 'The ballot must close after it opens.' });
    expect(await make({ voters: { accounts: false, codes: false, guests: false } })).toMatchObject({ status: 400 });
    expect(await refusal(callApi('updateBallot', { ...on(curator.token), params: at('no-such-ballot'), body: { title: 'Renamed' } }))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('voting', () => {
  it('charges n^2 per proposal, refuses a forged over-budget change with a reason, and keeps the last good allocation', async () => {
    const ballot = await openBallot();
    // 6^2 + 8^2 = 100: the whole budget.
    const first = await cast(visitor.token, ballot.id, { p1: 6, p2: 8 });
    expect(first).toMatchObject({ votes: { p1: 6, p2: 8 }, creditsSpent: 100, creditsLeft: 0, voterClass: 'account', named: false, canVote: true });
    expect(first.message).toMatch(/cast: 100 of 100/);
    // What a page would never send: one more vote, 101 credits.
    expect(await refusal(cast(visitor.token, ballot.id, { p1: 6, p2: 8, p3: 1 }))).toEqual({
      status: 400, code: 'INVALID_INPUT', message: 'That allocation costs 101 voice credits, but the budget is 100. Take some votes off first.',
    });
    expect(await refusal(cast(visitor.token, ballot.id, { p1: -1 }))).toMatchObject({ status: 400, message: 'This ballot does not take votes against a proposal.' });
    expect(await refusal(cast(visitor.token, ballot.id, { p9: 1 }))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(await refusal(cast(visitor.token, ballot.id, { p1: 1000 }))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    const mine = await callApi('myAllocation', { ...on(visitor.token), params: at(ballot.id) });
    expect(mine).toMatchObject({ votes: { p1: 6, p2: 8 }, creditsSpent: 100, creditsLeft: 0 });
    const changed = await cast(visitor.token, ballot.id, { p1: 3, p3: 2 });
    expect(changed).toMatchObject({ votes: { p1: 3, p3: 2 }, creditsSpent: 13, creditsLeft: 87 });
    expect(changed.message).toMatch(/changed: 13 of 100 .*\(100 before\)/);
  });

  it('takes accounts only when the ballot says so, guests apart when allowed, and one-time codes once', async () => {
    const accountsOnly = await openBallot();
    const gus = await guestToken(server.url, 'Gus Guest');
    expect(await refusal(cast(gus, accountsOnly.id, { p1: 1 }))).toMatchObject({ status: 403, code: 'NOT_ALLOWED', message: 'Only people signed in with an account may vote on this ballot.' });

    const withCodes = await openBallot({ voters: { accounts: false, codes: true, guests: false } });
    const { codes } = await callApi('ballotCodes', { ...on(curator.token), params: at(withCodes.id), body: { count: 2 } });
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await callApi('myAllocation', { ...on(gus), params: at(withCodes.id) })).toMatchObject({ canVote: true, needsCode: true });
    expect(await refusal(cast(gus, withCodes.id, { p1: 1 }))).toMatchObject({ status: 403, message: expect.stringMatching(/needs a ballot code/) });
    expect(await refusal(cast(gus, withCodes.id, { p1: 1 }, 'not a code'))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(await refusal(cast(gus, withCodes.id, { p1: 1 }, '0000-0000-0000'))).toMatchObject({ status: 403, message: expect.stringMatching(/not valid for this ballot/) });
    // Typed in lower case with spaces: still the code.
    expect(await cast(gus, withCodes.id, { p1: 2 }, codes[0]!.toLowerCase().replace(/-/g, ' '))).toMatchObject({ voterClass: 'code', creditsSpent: 4 });
    // The holder changes their allocation without the code; nobody else can use it again.
    expect(await cast(gus, withCodes.id, { p1: 3 })).toMatchObject({ voterClass: 'code', creditsSpent: 9 });
    expect(await refusal(cast(visitor.token, withCodes.id, { p1: 1 }, codes[0]))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    expect(await cast(visitor.token, withCodes.id, { p2: 1 }, codes[1])).toMatchObject({ voterClass: 'code' });
    expect(await refusal(callApi('ballotCodes', { ...on(curator.token), params: at(accountsOnly.id), body: { count: 1 } }))).toMatchObject({ status: 409, code: 'CONFLICT' });

    const withGuests = await openBallot({ voters: { accounts: true, codes: false, guests: true } });
    await cast(gus, withGuests.id, { p2: 5 });
    await cast(visitor.token, withGuests.id, { p1: 4 });
    const results = await callApi('ballotResults', { ...on(null), params: at(withGuests.id) });
    expect(results.turnout).toEqual({ accounts: 1, codes: 0, guests: 1 });
    expect(results.proposals.map((p) => [p.counted?.for, p.guests?.for])).toEqual([[4, 0], [0, 5], [0, 0]]);
  });

  it('locks privacy (and the other settings that shape it) at the first ballot, and names staff ballots always', async () => {
    const ballot = await openBallot({ allowAgainst: true });
    expect(await callApi('updateBallot', { ...on(curator.token), params: at(ballot.id), body: { budget: 49 } })).toMatchObject({ budget: 49, maxVotes: 7, locked: false });
    await cast(visitor.token, ballot.id, { p1: 5, p2: -4, p3: 2 }); // 25 + 16 + 4 = 45
    await cast(second.token, ballot.id, { p2: 3 }); // 9
    await cast(host.token, ballot.id, { p1: 1, p2: 2 }); // 1 + 4 = 5
    expect(await refusal(callApi('updateBallot', { ...on(curator.token), params: at(ballot.id), body: { privacy: 'named' } })))
      .toEqual({ status: 409, code: 'CONFLICT', message: 'The privacy mode is locked: the first ballot has been cast.' });
    expect(await refusal(callApi('updateBallot', { ...on(curator.token), params: at(ballot.id), body: { budget: 100 } }))).toMatchObject({ status: 409 });
    expect(await callApi('updateBallot', { ...on(curator.token), params: at(ballot.id), body: { title: 'Renamed after voting began' } })).toMatchObject({ locked: true, privacy: 'anonymous' });

    const results = await callApi('ballotResults', { ...on(null), params: at(ballot.id) });
    expect(results).toMatchObject({ hidden: false, turnout: { accounts: 3, codes: 0, guests: 0 }, creditsSpent: { counted: 59, guests: 0 } });
    expect(results.proposals.map((p) => p.counted)).toEqual([
      { for: 6, against: 0, net: 6, credits: 26, voters: 2 },
      { for: 5, against: 4, net: 1, credits: 29, voters: 3 },
      { for: 2, against: 0, net: 2, credits: 4, voters: 1 },
    ]);
    expect(results.namedBallots).toEqual([{ name: 'Hana Host', voterClass: 'account', staff: true, votes: { p1: 1, p2: 2 }, credits: 5 }]);
    const csv = await (await fetch(`${server.http}/api/spaces/${SPACE}/ballots/${ballot.id}/results.csv`)).text();
    expect(csv.split('\r\n')[1]).toBe('"proposal","counted","p1","More parks",6,0,6,26,2,,,,');
    expect(csv).toContain('"named_ballot",,"p2","Night buses",,,,5,,"Hana Host","account","yes",2');
    // Anonymous voters' names are nowhere in the open data.
    expect(JSON.stringify(results) + csv).not.toMatch(/Vera|Sami/);
  });

  it('hides tallies until close when asked, takes no change after close, then shows everything', async () => {
    const ballot = await openBallot({ results: 'after-close' });
    await cast(visitor.token, ballot.id, { p1: 2 });
    const hidden = await callApi('ballotResults', { ...on(null), params: at(ballot.id) });
    expect(hidden).toMatchObject({ hidden: true, turnout: { accounts: 1 }, creditsSpent: null, namedBallots: [] });
    expect(hidden.proposals.every((p) => p.counted === null && p.guests === null)).toBe(true);
    const csv = await fetch(`${server.http}/api/spaces/${SPACE}/ballots/${ballot.id}/results.csv`);
    expect(csv.status).toBe(409);
    await callApi('updateBallot', { ...on(host.token), params: at(ballot.id), body: { phase: 'closed' } });
    expect(await refusal(cast(visitor.token, ballot.id, { p1: 1 }))).toMatchObject({ status: 409, code: 'CONFLICT', message: expect.stringMatching(/has closed/) });
    expect(await refusal(callApi('updateBallot', { ...on(host.token), params: at(ballot.id), body: { phase: 'open' } }))).toMatchObject({ status: 409 });
    const shown = await callApi('ballotResults', { ...on(null), params: at(ballot.id) });
    expect(shown.hidden).toBe(false);
    expect(shown.proposals[0]!.counted).toEqual({ for: 2, against: 0, net: 2, credits: 4, voters: 1 });
  });

  it('tells everyone in a room of the space when an allocation changes', async () => {
    const ballot = await openBallot();
    const room = await joinSpace(server.url, { spaceId: SPACE, name: 'Watcher' });
    const seen: BallotsLive[] = [];
    room.onMessage(ServerMessage.Ballots, (live: BallotsLive) => seen.push(live));
    await cast(second.token, ballot.id, { p3: 4 });
    await waitFor(() => seen.some((l) => l.ballots.find((b) => b.ballot.id === ballot.id)?.proposals[2]?.counted?.for === 4), 5000, 'the live tally');
    const listed = await callApi('listBallots', { ...on(null), params: { id: SPACE } });
    expect(listed.ballots.find((b) => b.ballot.id === ballot.id)?.proposals[2]?.counted).toMatchObject({ for: 4, credits: 16 });
    await room.leave();
  });
});
