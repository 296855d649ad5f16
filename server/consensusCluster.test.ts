import { Client, type SeatReservation } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, requestGuestSession } from '../shared/protocol/apiClient.js';
import type { ConsensusAnalysisView, ConsensusPending, ConsensusStatementChange } from '../shared/protocol/consensus.js';
import { ServerMessage } from '../shared/protocol/messages.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { hashPassword } from './auth/passwords.js';
import type { Repos } from './store/repos.js';
import type { Worker } from '../e2e/load/cluster.js';
import { startTestCluster, type TestCluster } from './testing/cluster.js';
import type { SpaceRoomClient } from './testing/harness.js';

/**
 * A consensus question served by two real processes (WORKERS=2: one Redis, one PostgreSQL):
 * votes arrive through both, each process runs the analysis in its own worker thread, and yet
 * both answer the same analysis (one sequence of runs, stored in the database), the groups keep
 * their labels whichever process ran last, and statements reach a moderator whose room is on
 * the other process. Nothing is skipped: without redis-server or PostgreSQL the set-up fails.
 */
let cluster: TestCluster;
let a: Worker;
let b: Worker;
let repos: Repos;
const rooms: SpaceRoomClient[] = [];
const SPACE = 'plaza';
// Eight statements: camp 0 agrees with 0-3 and disagrees with 4-7, camp 1 the opposite.
const STATEMENTS = ['Buses all night.', 'Free fares.', 'More cycle lanes.', 'Fewer car parks.', 'Trams on the high street.', 'A congestion charge.', 'Later last trains.', 'Safer crossings.'];

beforeAll(async () => {
  cluster = await startTestCluster('hustings_consensus_cluster');
  ({ a, b, repos } = cluster);
}, 120_000);

afterAll(async () => {
  try {
    await Promise.all(rooms.filter((r) => r.connection.isOpen).map((r) => r.leave().catch(() => undefined)));
  } finally {
    await cluster?.stop();
  }
}, 60_000);

async function staff(role: string): Promise<string> {
  const email = `consensus-${role}@example.org`;
  const password = `a long password for the ${role}`;
  const account = await repos.accounts.create({ email, passwordHash: await hashPassword(password), displayName: `The ${role}` });
  await repos.roles.grant({ accountId: account.id, role, spaceId: SPACE });
  return (await callApi('login', { baseUrl: a.http, body: { email, password } })).token;
}

interface Listener { host: Worker; other: Worker; analyses: ConsensusAnalysisView[]; pending: ConsensusPending[]; changes: ConsensusStatementChange[] }

/** Enters the plaza through A's matchmaker and listens to what the room pushes; says which process hosts it. */
async function enter(token: string): Promise<Listener> {
  const res = await fetch(`${a.http}/matchmake/joinOrCreate/space`, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ spaceId: SPACE, token }),
  });
  const reservation = await res.json() as SeatReservation & { room: { publicAddress?: string } };
  expect(res.status, JSON.stringify(reservation)).toBe(200);
  const host = [a, b].find((w) => w.address === reservation.room.publicAddress)!;
  const room = await new Client(a.url).consumeSeatReservation<SpaceState>(reservation);
  rooms.push(room);
  const heard: Listener = { host, other: host === a ? b : a, analyses: [], pending: [], changes: [] };
  room.onMessage('*', () => undefined);
  room.onMessage(ServerMessage.Consensus, (v: ConsensusAnalysisView) => heard.analyses.push(v));
  room.onMessage(ServerMessage.ConsensusPending, (m: ConsensusPending) => heard.pending.push(m));
  room.onMessage(ServerMessage.ConsensusStatement, (m: ConsensusStatementChange) => heard.changes.push(m));
  await until(() => room.state?.avatars?.has(room.sessionId) ?? false, 5000, 'the own avatar');
  return heard;
}

/** Polls a condition (sync or async) until it holds; fails naming what it waited for. No fixed sleeps in the assertions. */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const analysisOn = async (w: Worker) => (await callApi('consensus', { baseUrl: w.http, params: { id: SPACE } })).analysis;

/** Both processes answer the same run, and it has read every vote cast so far. */
async function settled(votes: number): Promise<ConsensusAnalysisView> {
  let agreed: ConsensusAnalysisView | null = null;
  await until(async () => {
    const [onA, onB] = await Promise.all([analysisOn(a), analysisOn(b)]);
    agreed = onA && onB && onA.run === onB.run && onA.votesAnalysed === votes ? onA : null;
    return agreed !== null;
  }, 30_000, `both processes to answer one analysis of ${votes} votes`);
  return agreed!;
}

/** The label of the group a voter is in, asked through each process (it must be the same). */
async function labelOf(token: string): Promise<number> {
  const places = await Promise.all([a, b].map(async (w) => (await callApi('consensusMine', { baseUrl: w.http, token, params: { id: SPACE } })).place));
  expect(places[0]).not.toBeNull();
  expect(places[1]).toEqual(places[0]);
  return places[0]!.group;
}

async function voter(via: Worker, name: string, camp: 0 | 1): Promise<string> {
  const token = (await requestGuestSession(via.http, name)).token;
  for (let s = 0; s < STATEMENTS.length; s++) {
    await callApi('consensusVote', { baseUrl: via.http, token, params: { id: SPACE }, body: { statement: s, vote: (s < 4) === (camp === 0) ? 1 : -1 } });
  }
  return token;
}

describe('a consensus question on two processes', () => {
  it('answers one analysis on both, keeps group labels whichever process runs next, and pushes the latest run to rooms', async () => {
    const curator = await staff('curator');
    const moderator = await staff('moderator');
    await callApi('askConsensus', { baseUrl: a.http, token: curator, params: { id: SPACE }, body: { question: 'How should we get around?', statements: STATEMENTS } });
    const room = await enter(moderator);

    const n = STATEMENTS.length;
    // Ten voters in camp 0, through either process: one group so far.
    const campZero = await Promise.all(Array.from({ length: 10 }, (_, i) => voter(i % 2 === 0 ? a : b, `Voter ${i}`, 0)));
    await settled(10 * n);
    // Six in camp 1: a second group, the smaller one.
    const campOne = await Promise.all(Array.from({ length: 6 }, (_, i) => voter(i % 2 === 0 ? a : b, `Voter ${10 + i}`, 1)));
    const first = await settled(16 * n);
    const [zero, one] = [await labelOf(campZero[0]!), await labelOf(campOne[0]!)];
    expect(first.groups.map((g) => [g.id, g.size])).toEqual([[zero, 10], [one, 6]].sort((x, y) => x[0]! - y[0]!));
    expect(zero).not.toBe(one);

    // Six more join camp 1 through B only: it outgrows camp 0, and each camp keeps its label.
    await Promise.all(Array.from({ length: 6 }, (_, i) => voter(b, `Late voter ${i}`, 1)));
    const second = await settled(22 * n);
    expect(second.run).toBeGreaterThan(first.run);
    expect(second.groups.map((g) => [g.id, g.size])).toEqual([[zero, 10], [one, 12]].sort((x, y) => x[0]! - y[0]!));
    expect([await labelOf(campZero[0]!), await labelOf(campOne[0]!)]).toEqual([zero, one]);
    // The room ends on (at least) the run both processes answer, and never went back to an older one.
    await until(() => (room.analyses.at(-1)?.run ?? 0) >= second.run, 10_000, 'the room to push the latest run');
    const runs = room.analyses.map((v) => v.run);
    expect(runs).toEqual([...runs].sort((x, y) => x - y));
  }, 120_000);

  it("reaches a moderator whose room is on the other process with each statement, and everyone with the decision", async () => {
    const moderator = await callApi('login', { baseUrl: b.http, body: { email: 'consensus-moderator@example.org', password: 'a long password for the moderator' } });
    const room = await enter(moderator.token);
    const guest = (await requestGuestSession(room.other.http, 'Vera')).token;
    const added = await callApi('submitStatement', { baseUrl: room.other.http, token: guest, params: { id: SPACE }, body: { text: 'A tram to the hospital.' } });
    await until(() => room.pending.at(-1)?.statements.some((s) => s.number === added.number) ?? false, 10_000, 'the waiting statement to reach the other process');
    await callApi('moderateStatement', { baseUrl: room.other.http, token: moderator.token, params: { id: SPACE, number: String(added.number) }, body: { state: 'accepted' } });
    await until(() => room.changes.some((c) => c.number === added.number && c.state === 'accepted'), 10_000, 'the decision to reach the room');
    await until(() => room.pending.at(-1)?.statements.length === 0, 10_000, "the moderator's list to empty");
  }, 60_000);
});
