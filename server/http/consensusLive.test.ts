import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, callApi, requestGuestSession } from '../../shared/protocol/apiClient.js';
import type { ConsensusPending, ConsensusStatementChange, ImportProblem } from '../../shared/protocol/consensus.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import { bootServer, createAccount, joinSpace, waitFor, type SpaceRoomClient, type TestAccount } from '../testing/harness.js';

/**
 * Statements reach people live (issue 20): a statement added by a visitor reaches the moderators
 * in the space at once (and no one else), and a moderator's decision reaches everyone; an import
 * that cannot be read answers every row it refused, each with a code.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;
let server: Server;
let curator: TestAccount;
let moderator: TestAccount;
const SPACE = 'hall-1';
const on = (token: string | null) => ({ baseUrl: server.http, token, params: { id: SPACE } });

interface Heard {
  room: SpaceRoomClient;
  pending: ConsensusPending[];
  changes: ConsensusStatementChange[];
}

async function listen(token: string): Promise<Heard> {
  const room = await joinSpace(server.url, { spaceId: SPACE, token });
  const heard: Heard = { room, pending: [], changes: [] };
  room.onMessage(ServerMessage.Consensus, () => undefined);
  room.onMessage(ServerMessage.ConsensusPending, (m: ConsensusPending) => heard.pending.push(m));
  room.onMessage(ServerMessage.ConsensusStatement, (m: ConsensusStatementChange) => heard.changes.push(m));
  return heard;
}

beforeAll(async () => {
  server = await bootServer();
  curator = await createAccount(server, { name: 'Cora Curator', grants: [{ role: 'curator', spaceId: SPACE }] });
  moderator = await createAccount(server, { name: 'Mo Moderator', grants: [{ role: 'moderator', spaceId: SPACE }] });
});
afterAll(async () => {
  await server?.close();
});

describe('statements, live', () => {
  it('reach the moderators when added, and everyone when accepted; a rejected one is gone without its words', async () => {
    const asked = await callApi('askConsensus', { ...on(curator.token), body: { question: 'What should the hall show next?', statements: ['The river twin.', 'The housing twin.'] } });
    const mod = await listen(moderator.token);
    const visitorToken = (await requestGuestSession(server.http, 'Vera')).token;
    const visitor = await listen(visitorToken);

    const added = await callApi('submitStatement', { ...on(visitorToken), body: { text: 'A twin of the bus network.' } });
    expect(added.state).toBe('pending');
    await waitFor(() => mod.pending.length > 0, 5000, 'the waiting statement to reach the moderator');
    expect(mod.pending.at(-1)).toMatchObject({ conversationId: asked.id, statements: [{ number: added.number, text: 'A twin of the bus network.' }] });

    const spam = await callApi('submitStatement', { ...on(visitorToken), body: { text: 'Buy cheap watches here.' } });
    await waitFor(() => mod.pending.at(-1)?.statements.length === 2, 5000, 'the second waiting statement');

    await callApi('moderateStatement', { baseUrl: server.http, token: moderator.token, params: { id: SPACE, number: String(added.number) }, body: { state: 'accepted' } });
    await waitFor(() => visitor.changes.length > 0, 5000, 'the accepted statement to reach the visitor');
    expect(visitor.changes[0]).toEqual({ conversationId: asked.id, number: added.number, state: 'accepted', text: 'A twin of the bus network.', pendingCount: 1 });
    await waitFor(() => mod.pending.at(-1)?.statements.length === 1, 5000, "the moderator's list to lose the accepted one");

    await callApi('moderateStatement', { baseUrl: server.http, token: moderator.token, params: { id: SPACE, number: String(spam.number) }, body: { state: 'rejected' } });
    await waitFor(() => visitor.changes.length === 2 && mod.pending.at(-1)?.statements.length === 0, 5000, 'the rejection to reach both');
    expect(visitor.changes[1]).toEqual({ conversationId: asked.id, number: spam.number, state: 'rejected', text: null, pendingCount: 0 });
    // The visitor never saw what waited for a moderator.
    expect(visitor.pending).toEqual([]);

    // Staff's own statements go straight in, and reach everyone.
    const direct = await callApi('submitStatement', { ...on(curator.token), body: { text: 'The flood defence twin.' } });
    await waitFor(() => visitor.changes.some((c) => c.number === direct.number && c.state === 'accepted'), 5000, "staff's statement to reach the visitor");
    await Promise.all([mod.room.leave(), visitor.room.leave()]);
  });
});

describe('an import that cannot be read', () => {
  it('answers INVALID_INPUT with every row it refused, each with its file, line, code and sentence', async () => {
    const comments = 'timestamp,comment-id,author-id,moderated,comment-body\n1,0,0,1,Night buses.\n1,0,1,1,Twice.\n';
    const votes = 'timestamp,comment-id,voter-id,vote\n1,0,0,1\n1,0,1,agree\n1,7,2,1\n';
    const outcome = await callApi('importConsensus', { ...on(curator.token), body: { question: 'Imported with mistakes', comments, votes } }).then(() => undefined, (err: unknown) => err);
    expect(outcome).toBeInstanceOf(ApiCallError);
    const refusal = outcome as ApiCallError;
    expect([refusal.status, refusal.code]).toEqual([400, 'INVALID_INPUT']);
    expect(refusal.message).toBe('3 problems in the files; the first: comments.csv, line 3: comment 0 appears twice.');
    expect((refusal.problems as ImportProblem[]).map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      'comments.csv:3 DUPLICATE_COMMENT', 'votes.csv:3 BAD_VOTE', 'votes.csv:4 UNKNOWN_COMMENT',
    ]);
    // Nothing was imported.
    expect((await callApi('consensus', on(null))).conversation?.question).not.toBe('Imported with mistakes');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = 'x'.repeat(4_000_001);
    const outcome = await callApi('importConsensus', { ...on(curator.token), body: { question: 'Too big', comments: big, votes: 'timestamp,comment-id,voter-id,vote\n' } }).then(() => undefined, (err: unknown) => err);
    expect([(outcome as ApiCallError).status, (outcome as ApiCallError).code, (outcome as ApiCallError).message]).toEqual([400, 'INVALID_INPUT', 'comments.csv can be at most 4 MB here. (comments)']);
  });
});
