import { Client, type SeatReservation } from 'colyseus.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import type { Worker } from '../../e2e/load/cluster.js';
import { hashPassword } from '../auth/passwords.js';
import type { Repos } from '../store/repos.js';
import { waitFor } from './harness.js';
import { track, type Tracked } from './hall.js';

/**
 * Helpers for tests over several real server processes (server/cluster.test.ts and others):
 * accounts made in the shared store and signed in over HTTP, and entering a space through one
 * process's matchmaker while learning which process holds the room.
 */
export function clusterPeople(repos: Repos, workers: readonly Worker[], prefix: string) {
  let people = 0;
  const opened: Tracked[] = [];

  /** An account made in the shared store (as the admin CLI does), signed in over HTTP on the first process. */
  async function account(name: string, grants: { role: string; spaceId: string | null }[] = []) {
    const email = `${prefix}${++people}@example.org`;
    const password = `a long password ${people}`;
    const created = await repos.accounts.create({ email, passwordHash: await hashPassword(password), displayName: name });
    for (const g of grants) await repos.roles.grant({ accountId: created.id, role: g.role, spaceId: g.spaceId });
    const { token } = await callApi('login', { baseUrl: workers[0]!.http, body: { email, password } });
    return { id: created.id, email, password, token };
  }

  /** Enters a space through one process's matchmaker, as the browser does; says which process hosts the room. */
  async function enter(via: Worker, token: string, options: { spaceId?: string; section?: number } = {}): Promise<{ t: Tracked; host: Worker; other: Worker }> {
    const res = await fetch(`${via.http}/matchmake/joinOrCreate/space`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ spaceId: options.spaceId ?? 'townhall', token, ...(options.section ? { section: options.section } : {}) }),
    });
    const reservation = await res.json() as SeatReservation & { room: { publicAddress?: string }; error?: string };
    if (res.status !== 200) throw new Error(reservation.error ?? JSON.stringify(reservation));
    const host = workers.find((w) => w.address === reservation.room.publicAddress);
    if (!host) throw new Error(`the room's public address ${reservation.room.publicAddress} is no process's`);
    const room = await new Client(via.url).consumeSeatReservation<SpaceState>(reservation);
    const t = track(room);
    opened.push(t);
    await waitFor(() => room.state?.avatars?.has(room.sessionId), 5000, 'the own avatar');
    return { t, host, other: workers.find((w) => w !== host)! };
  }

  /** Leaves every connection still open (leaving a closed one waits for ever). */
  async function leaveAll(): Promise<void> {
    await Promise.all(opened.filter((t) => t.room.connection.isOpen).map((t) => t.room.leave().catch(() => undefined)));
  }

  return { account, enter, leaveAll };
}
