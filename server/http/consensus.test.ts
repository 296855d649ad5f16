import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.js';
import { ApiCallError, callApi, requestGuestSession } from '../../shared/protocol/apiClient.js';
import type { ConsensusAnalysisView } from '../../shared/protocol/consensus.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import { bootServer, createAccount, joinSpace, waitFor, type TestAccount } from '../testing/harness.js';

/**
 * A consensus question over HTTP, end to end on a real server: a curator asks, guests vote in
 * two camps, the analysis (in its worker thread) finds two groups and the room pushes them,
 * refusals carry codes, statements wait for a moderator, and the open data exports and imports.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;
let server: Server;
let curator: TestAccount;
let moderator: TestAccount;
const SPACE = 'plaza';
const on = (token: string | null) => ({ baseUrl: server.http, token, params: { id: SPACE } });

async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string }> {
  const outcome = await call.then(() => 'succeeded', (err: unknown) => err);
  expect(outcome).toBeInstanceOf(ApiCallError);
  return { status: (outcome as ApiCallError).status, code: (outcome as ApiCallError).code };
}

const STATEMENTS = ['Buses should run all night.', 'Fares should be free.', 'More cycle lanes.', 'Fewer car parks.', 'Trams on the high street.', 'A congestion charge.', 'Later last trains.', 'Safer crossings.'];

beforeAll(async () => {
  server = await bootServer();
  curator = await createAccount(server, { name: 'Cora Curator', grants: [{ role: 'curator', spaceId: SPACE }] });
  moderator = await createAccount(server, { name: 'Mo Moderator', grants: [{ role: 'moderator', spaceId: SPACE }] });
});
afterAll(async () => {
  await server?.close();
});

describe('a consensus question', () => {
  it('is asked by staff only, and voted on by guests who see the least-voted first', async () => {
    const visitor = (await requestGuestSession(server.http, 'Vera')).token;
    expect(await refusal(callApi('askConsensus', { ...on(visitor), body: { question: 'How should we travel?' } }))).toEqual({ status: 403, code: 'NOT_ALLOWED' });
    const asked = await callApi('askConsensus', { ...on(curator.token), body: { question: 'How should we travel?', statements: STATEMENTS } });
    expect(asked.statements.map((s) => s.number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const first = await callApi('consensusMine', on(visitor));
    expect(first.next.map((s) => s.number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(first.votesNeeded).toBe(7);
    const after = await callApi('consensusVote', { ...on(visitor), body: { statement: 0, vote: 1 } });
    expect(after.votes).toEqual([{ statement: 0, vote: 1 }]);
    // Someone else sees statement 0 (now voted on once) last.
    const other = (await requestGuestSession(server.http, 'Otto')).token;
    expect((await callApi('consensusMine', on(other))).next.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
  });

  it('refuses forged votes with a code', async () => {
    const token = (await requestGuestSession(server.http, 'Forger')).token;
    expect(await refusal(callApi('consensusVote', { ...on(token), body: { statement: 99, vote: 1 } }))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(callApi('consensusVote', { ...on(token), body: { statement: 0, vote: 2 as 1 } }))).toEqual({ status: 400, code: 'INVALID_INPUT' });
    expect(await refusal(callApi('consensusVote', { ...on(null), body: { statement: 0, vote: 1 } }))).toEqual({ status: 401, code: 'NOT_ALLOWED' });
    // A flood of changed votes is cut off (30 at once, then 4 a second) and the server goes on.
    const flooder = (await requestGuestSession(server.http, 'Flooder')).token;
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => callApi('consensusVote', { ...on(flooder), body: { statement: 1, vote: i % 2 === 0 ? 1 : -1 } }).then(() => 'ok', (e: unknown) => (e as ApiCallError).code)));
    expect(outcomes.filter((o) => o === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(5);
    expect(outcomes.every((o) => o === 'ok' || o === 'RATE_LIMITED')).toBe(true);
  });

  it('finds two camps, and the room pushes the groups to everyone in the space', async () => {
    const watcher = await joinSpace(server.url, { spaceId: SPACE, name: 'Watcher' });
    const pushed: ConsensusAnalysisView[] = [];
    watcher.onMessage(ServerMessage.Consensus, (view: ConsensusAnalysisView) => pushed.push(view));
    // Sixteen guests in two camps: camp A agrees with 0-3 and disagrees with 4-7, camp B the opposite.
    await Promise.all(Array.from({ length: 16 }, async (_, i) => {
      const token = (await requestGuestSession(server.http, `Voter ${i}`)).token;
      for (let s = 0; s < 8; s++) {
        const vote = (s < 4) === (i % 2 === 0) ? 1 : -1;
        await callApi('consensusVote', { ...on(token), body: { statement: s, vote } });
      }
    }));
    await waitFor(() => pushed.some((v) => v.groups.length === 2 && v.clusteredCount >= 16), 15_000, 'two groups pushed to the room');
    const { analysis } = await callApi('consensus', on(null));
    expect(analysis?.groups.map((g) => g.size)).toEqual([8, 8]);
    // Vera (one vote) is on the map but in no group.
    expect(analysis?.points.some((p) => p[3] === -1)).toBe(true);
    // Each camp's card says what it agrees with.
    const cards = analysis!.groups.map((g) => g.representative.filter((r) => r.direction === 'agree').map((r) => r.statement).sort());
    expect(cards.some((c) => c.length > 0 && c.every((s) => s < 4))).toBe(true);
    expect(cards.some((c) => c.length > 0 && c.every((s) => s >= 4))).toBe(true);
    await watcher.leave();
  }, 30_000);

  it('holds visitors\' statements for a moderator and limits how many wait', async () => {
    const token = (await requestGuestSession(server.http, 'Proposer')).token;
    const added = await callApi('submitStatement', { ...on(token), body: { text: 'A night tram to the coast.' } });
    expect(added.state).toBe('pending');
    expect(await refusal(callApi('submitStatement', { ...on(token), body: { text: 'buses should run ALL night!' } }))).toEqual({ status: 409, code: 'CONFLICT' });
    expect(await refusal(callApi('consensusVote', { ...on(token), body: { statement: added.number, vote: 1 } }))).toEqual({ status: 409, code: 'CONFLICT' });
    for (let i = 0; i < 4; i++) await callApi('submitStatement', { ...on(token), body: { text: `Another idea, number ${i}.` } });
    expect(await refusal(callApi('submitStatement', { ...on(token), body: { text: 'One idea too many.' } }))).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(await refusal(callApi('pendingStatements', on(token)))).toEqual({ status: 403, code: 'NOT_ALLOWED' });
    const pending = await callApi('pendingStatements', on(moderator.token));
    expect(pending.statements.map((s) => s.text)).toContain('A night tram to the coast.');
    const accepted = await callApi('moderateStatement', { baseUrl: server.http, token: moderator.token, params: { id: SPACE, number: String(added.number) }, body: { state: 'accepted' } });
    expect(accepted.state).toBe('accepted');
    expect(await refusal(callApi('moderateStatement', { baseUrl: server.http, token: moderator.token, params: { id: SPACE, number: String(added.number) }, body: { state: 'accepted' } }))).toEqual({ status: 409, code: 'CONFLICT' });
    expect((await callApi('consensusMine', on(token))).next[0]!.number).toBe(added.number);
  });

  it('exports the Pol.is open-data layout, and an import of it shows the same conversation', async () => {
    const file = async (name: string) => {
      const res = await fetch(`${server.http}/api/spaces/${SPACE}/consensus/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      return res.text();
    };
    const [comments, votes, participantsVotes] = [await file('comments.csv'), await file('votes.csv'), await file('participants-votes.csv')];
    const pv = parseCsv(participantsVotes);
    expect(pv[0]!.slice(0, 6)).toEqual(['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree']);
    // No account or session id is published: participants are numbers.
    expect(pv.slice(1).every((row) => /^\d+$/.test(row[0]!))).toBe(true);
    expect(pv.slice(1).flatMap((row) => row.slice(6)).every((cell) => ['1', '-1', '0', ''].includes(cell))).toBe(true);
    expect(await refusal(callApi('importConsensus', { baseUrl: server.http, token: curator.token, params: { id: 'hall-1' }, body: { question: 'Imported', comments, votes } }))).toEqual({ status: 403, code: 'NOT_ALLOWED' });
    const admin = await createAccount(server, { name: 'Ada', grants: [{ role: 'admin' }] });
    const imported = await callApi('importConsensus', { baseUrl: server.http, token: admin.token, params: { id: 'hall-1' }, body: { question: 'Imported from elsewhere', comments, votes } });
    expect(imported.source).toBe('imported');
    const original = await callApi('consensus', on(null));
    const strip = (s: { number: number; text: string; agrees: number; disagrees: number; passes: number }) => [s.number, s.text, s.agrees, s.disagrees, s.passes];
    expect(imported.statements.map(strip)).toEqual(original.conversation!.statements.map(strip));
    const again = await fetch(`${server.http}/api/spaces/hall-1/consensus/votes.csv`);
    expect(await again.text()).toBe(votes);
    expect(await refusal(callApi('importConsensus', { baseUrl: server.http, token: admin.token, params: { id: 'hall-1' }, body: { question: 'Broken import', comments, votes: 'timestamp,comment-id,voter-id,vote\n1,999,0,1\n' } }))).toEqual({ status: 400, code: 'INVALID_INPUT' });
  }, 30_000);
});
