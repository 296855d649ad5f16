import type { Client } from '@colyseus/core';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { socketOf, TickWrites } from './socketBatch.js';

/** Real sockets: a ws server and one client; counts the system-call-level writes of the server's socket. */
async function pair() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const accepted = new Promise<WebSocket>((resolve) => server.once('connection', (ws) => resolve(ws)));
  const reader = new WebSocket(`ws://127.0.0.1:${port}`);
  const received: string[] = [];
  reader.on('message', (data: Buffer) => received.push(data.toString('utf8')));
  await new Promise<void>((resolve) => reader.once('open', () => resolve()));
  const ws = await accepted;
  // What Node hands to libuv: one call per flush (`_writev` for several chunks, `_write` for one).
  const socket = (ws as unknown as { _socket: { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void } })._socket;
  const writes = { count: 0 };
  for (const name of ['_write', '_writev'] as const) {
    const original = socket[name].bind(socket);
    socket[name] = (...args: unknown[]) => {
      writes.count++;
      original(...args);
    };
  }
  const client = { ref: ws } as unknown as Client;
  const close = async () => {
    reader.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { ws, client, writes, received, close };
}

const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
});

describe('one write per connection per tick', () => {
  it('hands three messages of one tick to the kernel in one write, in order; unheld, each is its own', async () => {
    const p = await pair();
    opened.push(p);
    const batch = new TickWrites();

    batch.hold([p.client]);
    for (const m of ['patch', 'reactions', 'motion']) p.ws.send(m);
    expect(p.writes.count).toBe(0);
    batch.release();
    expect(p.writes.count).toBe(1);

    for (const m of ['a', 'b', 'c']) p.ws.send(m);
    expect(p.writes.count).toBe(4);

    await expect.poll(() => p.received.length).toBe(6);
    expect(p.received).toEqual(['patch', 'reactions', 'motion', 'a', 'b', 'c']);
  });

  it('releases only what it held, once; a closed connection is skipped', async () => {
    const p = await pair();
    opened.push(p);
    const batch = new TickWrites();
    batch.hold([p.client, { ref: {} } as unknown as Client, { ref: { _socket: { destroyed: true, cork() {}, uncork() {} } } } as unknown as Client]);
    p.ws.send('one');
    batch.release();
    batch.release();
    expect(p.writes.count).toBe(1);
    // Not held any more: the next message goes at once.
    p.ws.send('two');
    expect(p.writes.count).toBe(2);
    await expect.poll(() => p.received).toEqual(['one', 'two']);
    expect(socketOf({ ref: {} } as unknown as Client)).toBeUndefined();
  });
});
