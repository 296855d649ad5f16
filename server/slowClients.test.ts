import { matchMaker } from '@colyseus/core';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../shared/protocol/errors.js';
import { pendingBytes } from './slowClients.js';
import { bootServer, guestToken, joinSpace, type SpaceRoomClient } from './testing/harness.js';

type Server = Awaited<ReturnType<typeof bootServer>>;
const servers: Server[] = [];
afterAll(async () => { for (const s of servers) await s.close(); });

const q = [0, 0, 0, 1];
const LIMIT_KB = 32;

/**
 * A client that takes its seat and keeps its connection alive (ws answers pings by itself) but
 * never acknowledges the join, so it never reads a patch: Colyseus queues everything sent to it
 * in memory. VR visitors nearby make the room send it their poses ten times a second.
 */
async function stuckClient(server: Server): Promise<{ ws: WebSocket; sessionId: string; closed: Promise<number> }> {
  const token = await guestToken(server.url, 'Stuck');
  const seat = await (await fetch(`${server.http}/matchmake/joinOrCreate/space`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spaceId: 'plaza', token }),
  })).json() as { room: { processId: string; roomId: string }; sessionId: string };
  const ws = new WebSocket(`${server.url}/${seat.room.processId}/${seat.room.roomId}?sessionId=${seat.sessionId}`);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  return { ws, sessionId: seat.sessionId, closed };
}

async function vrCrowd(server: Server, n: number): Promise<{ rooms: SpaceRoomClient[]; stop: () => void }> {
  const rooms: SpaceRoomClient[] = [];
  for (let i = 0; i < n; i++) rooms.push(await joinSpace(server.url, { spaceId: 'plaza', name: `Vr ${i}` }));
  for (const r of rooms) r.onMessage('vrPoses', () => undefined);
  const timer = setInterval(() => {
    for (const r of rooms) r.send('vrPose', { head: { p: [0, 1.6, 0], q }, left: { p: [-0.3, 1.1, -0.3], q }, right: { p: [0.3, 1.1, -0.3], q } });
  }, 100);
  return { rooms, stop: () => clearInterval(timer) };
}

/** The server-side backlog of one session (undefined once it left). */
async function backlog(sessionId: string): Promise<number | undefined> {
  for (const listed of await matchMaker.query({ name: 'space' })) {
    const client = matchMaker.getLocalRoomById(listed.roomId)?.clients.find((c) => c.sessionId === sessionId);
    if (client) return pendingBytes(client);
  }
  return undefined;
}

describe('slow and stuck clients', () => {
  it(`drops a client whose unsent backlog passes SEND_BUFFER_LIMIT_KB, and without the limit the backlog grows past it`, async () => {
    // With the limit.
    const capped = await bootServer({ SEND_BUFFER_LIMIT_KB: String(LIMIT_KB) });
    servers.push(capped);
    const crowd = await vrCrowd(capped, 8);
    const stuck = await stuckClient(capped);
    const started = Date.now();
    let peak = 0;
    let closedWith: number | undefined;
    void stuck.closed.then((code) => { closedWith = code; });
    while (closedWith === undefined && Date.now() - started < 20_000) {
      peak = Math.max(peak, (await backlog(stuck.sessionId)) ?? 0);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(closedWith, 'the stuck client was dropped').toBeDefined();
    const tookMs = Date.now() - started;
    expect(closedWith).toBe(CloseCode.TOO_SLOW);
    // Dropped within one tick of passing the limit: a tick adds a few kB here at most.
    expect(peak).toBeLessThan((LIMIT_KB + 16) * 1024);
    // The well-behaved VR visitors stayed.
    expect(crowd.rooms.every((r) => r.connection.isOpen)).toBe(true);
    crowd.stop();

    // Without it (SEND_BUFFER_LIMIT_KB=0, as before): the same client, as long again and more, is still there and its backlog is past the limit.
    const open = await bootServer({ SEND_BUFFER_LIMIT_KB: '0' });
    servers.push(open);
    const crowd2 = await vrCrowd(open, 8);
    const stuck2 = await stuckClient(open);
    await new Promise((r) => setTimeout(r, tookMs * 1.5 + 1000));
    const grown = await backlog(stuck2.sessionId);
    expect(stuck2.ws.readyState).toBe(WebSocket.OPEN);
    expect(grown).toBeGreaterThan(LIMIT_KB * 1024);
    crowd2.stop();
    stuck2.ws.terminate();
  }, 60_000);
});
