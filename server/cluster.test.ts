import { Client } from 'colyseus.js';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, callApi } from '../shared/protocol/apiClient.js';
import { CloseCode } from '../shared/protocol/errors.js';
import { ClientMessage } from '../shared/protocol/messages.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { CHANGE_TOPIC, ChangeFeed } from './changeFeed.js';
import type { Repos } from './store/repos.js';
import type { Worker } from '../e2e/load/cluster.js';
import { clusterPeople, startTestCluster, type TestCluster } from './testing/cluster.js';
import { closeCode, waitFor } from './testing/harness.js';
import { act, acked, hall, lastMine, me } from './testing/hall.js';

/**
 * Several processes, one app (issue 19): two real server processes sharing a real Redis (Colyseus
 * RedisPresence + RedisDriver, the change feed, sign-in limits) and a real PostgreSQL. Each test
 * finds which process hosts the room and acts through the other one. Nothing here is skipped:
 * without redis-server or PostgreSQL the set-up fails.
 */
let cluster: TestCluster;
let redis: TestCluster['redis'];
let a: Worker;
let b: Worker;
let repos: Repos;

beforeAll(async () => {
  cluster = await startTestCluster('hustings_cluster_test', {
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '4',
    // Voice tokens are minted (signed) here; no LiveKit needs to listen for that.
    VOICE: 'on', LIVEKIT_URL: 'ws://127.0.0.1:7941', LIVEKIT_API_KEY: 'cluster-test-key', LIVEKIT_API_SECRET: 'a livekit secret for the cluster test only',
  });
  ({ redis, a, b, repos } = cluster);
  people = clusterPeople(repos, [a, b], 'cluster');
}, 120_000);

afterAll(async () => {
  try {
    await people?.leaveAll();
  } finally {
    await cluster?.stop();
  }
}, 60_000);

let people: ReturnType<typeof clusterPeople>;
const account: ReturnType<typeof clusterPeople>['account'] = (...args) => people.account(...args);
const enter = async (via: Worker, token: string, spaceId = 'townhall') => people.enter(via, token, { spaceId });

/** The refusal a join through this process ends in ("CODE: sentence"), or 'joined'. */
async function joinRefusal(via: Worker, token: string): Promise<string> {
  return new Client(via.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token }).then(
    async (room) => { await room.leave(); return 'joined'; },
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
}

describe('several server processes on one Redis and one PostgreSQL', () => {
  it('reserves seats across processes: a room lives on one, the other sends people to its public address', async () => {
    const visitor = await account('Vera Visitor');
    const first = await enter(a, visitor.token);
    const second = await enter(b, (await account('Wes Walker')).token);
    // One town hall for both, whichever process they asked.
    expect(second.host).toBe(first.host);
    expect(second.t.room.roomId).toBe(first.t.room.roomId);
    await waitFor(() => first.t.room.state.avatars.has(second.t.room.sessionId), 5000, 'each to see the other');
  });

  it('applies a role granted over HTTP on one process at once in a room on the other', async () => {
    const admin = await account('Ada Admin', [{ role: 'admin', spaceId: null }]);
    const bob = await account('Bob Becomes');
    const { t, other } = await enter(a, bob.token);
    expect(me(t).role).toBe('visitor');
    await callApi('createGrant', { baseUrl: other.http, token: admin.token, body: { accountId: bob.id, role: 'moderator', spaceId: 'townhall' } });
    await waitFor(() => me(t).role === 'moderator', 5000, "the grant to reach the room on the other process");
  });

  it('keeps a person banned in a room on one process out when they come back through the other', async () => {
    const mo = await account('Mo Moderator', [{ role: 'moderator', spaceId: 'townhall' }]);
    const vic = await account('Vic Banned');
    const mod = await enter(a, mo.token);
    const victim = await enter(mod.other, vic.token);
    const closed = closeCode(victim.t.room);
    await acked(mod.t, ClientMessage.Ban, { sessionId: victim.t.room.sessionId, reason: 'threats' });
    expect(await closed).toBe(CloseCode.REMOVED);
    // Signed in afresh, through either process's matchmaker: refused by the room, from the shared store.
    const fresh = (await callApi('login', { baseUrl: mod.other.http, body: { email: vic.email, password: vic.password } })).token;
    expect(await joinRefusal(mod.other, fresh)).toMatch(/^NOT_ALLOWED: .*banned/);
    expect(await joinRefusal(mod.host, fresh)).toMatch(/^NOT_ALLOWED: .*banned/);
  });

  it('counts failed sign-ins across processes', async () => {
    const carol = await account('Carol Careful');
    const login = (via: Worker, password: string) => callApi('login', { baseUrl: via.http, body: { email: carol.email, password } })
      .then(() => 'signed in', (err: unknown) => (err instanceof ApiCallError ? err.code : String(err)));
    // LOGIN_MAX_FAILURES_PER_ACCOUNT=4: two wrong guesses on each process use them all up.
    for (const via of [a, b, a, b]) expect(await login(via, 'not the password')).toBe('NOT_ALLOWED');
    expect(await login(a, carol.password)).toBe('RATE_LIMITED');
    expect(await login(b, carol.password)).toBe('RATE_LIMITED');
  });

  it('mints a voice token for a room on the other process', async () => {
    const dee = await account('Dee Talks');
    const { t, other } = await enter(a, dee.token);
    const grant = await callApi('voiceToken', { baseUrl: other.http, token: dee.token, body: { spaceId: 'townhall', roomId: t.room.roomId, sessionId: t.room.sessionId } });
    expect(grant.room).toBe('townhall.sections');
    expect(decodeJwt(grant.token).sub).toBe(t.room.sessionId);
    // Someone else's connection is still not theirs.
    const eve = await account('Eve Elsewhere');
    await expect(callApi('voiceToken', { baseUrl: other.http, token: eve.token, body: { spaceId: 'townhall', roomId: t.room.roomId, sessionId: t.room.sessionId } }))
      .rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('carries each change once to every process over Redis, and drops what is not a change', async () => {
    const { RedisPresence } = await import('@colyseus/redis-presence');
    const presences = [new RedisPresence(redis.url), new RedisPresence(redis.url)] as const;
    const [one, two] = await Promise.all(presences.map((p) => ChangeFeed.over(p)));
    const heard: string[] = [];
    one!.onAccountChanged((id) => heard.push(`one account ${id}`));
    two!.onAccountChanged((id) => heard.push(`two account ${id}`));
    two!.onPersonShownOut((...args) => heard.push(`two shown out ${args.join(' ')}`));
    await presences[0].publish(CHANGE_TOPIC, ['account']);
    await presences[0].publish(CHANGE_TOPIC, { kind: 'account', id: 'x' });
    await presences[0].publish(CHANGE_TOPIC, ['shownOut', 'townhall', 'someone', 'banned']);
    one!.accountChanged('acc-1');
    one!.personShownOut('townhall', 'acc-2', 'banned', 'room-1');
    await waitFor(() => heard.length >= 3, 5000, 'the changes');
    // Published in order on one connection, so anything malformed before them has been dropped by now.
    expect(heard.sort()).toEqual(['one account acc-1', 'two account acc-1', 'two shown out townhall acc-2 banned room-1']);
    for (const feed of [one!, two!]) feed.close();
    for (const p of presences) p.shutdown();
  });

  // Last: it kills one of the two processes.
  it('brings a visitor back within 10 s when the process holding the town hall is killed, with their acknowledged question', async () => {
    const mia = await account('Mia Moderator', [{ role: 'moderator', spaceId: 'townhall' }]);
    const ann = await account('Ann Asks');
    const mod = await enter(a, mia.token);
    if (hall(mod.t).event.state !== 'live') await act(mod.t, ClientMessage.EventRun, { action: 'start' }, () => hall(mod.t).event.state === 'live');
    const asker = await enter(mod.other, ann.token);
    const text = 'Will the library stay open on Sundays?';
    await acked(asker.t, ClientMessage.Ask, { text, anonymous: false });
    const closed = closeCode(asker.t.room);
    mod.host.child.kill('SIGKILL');
    await closed;
    // As the page does after a drop: enter again, through the process still answering.
    const deadline = Date.now() + 10_000;
    let back: Awaited<ReturnType<typeof enter>> | undefined;
    while (!back) {
      back = await enter(mod.other, ann.token).catch(() => undefined);
      if (!back && Date.now() > deadline) throw new Error('not back in the town hall within 10 s');
    }
    expect(back.host).toBe(mod.other);
    await waitFor(() => lastMine(back.t)?.pending.some((q) => q.text === text), 5000, 'the acknowledged question');
  }, 30_000);
});
