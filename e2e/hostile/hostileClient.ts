import net from 'node:net';
import { Client, type Room } from 'colyseus.js';
import { requestGuestSession } from '../../shared/protocol/apiClient.js';
import type { Random } from '../load/random.js';
import { FRAME_ATTACKS, type FrameAttack } from './frames.js';
import {
  CLIENT_TYPES, CLOSE_REASON_PAYLOADS, ONE_MEGABYTE, RESERVED_TYPES, UNKNOWN_TYPES,
  garbageFrame, nonFinitePayload, validInput, wrongPayload,
} from './payloads.js';
import { frame, openRawSocket } from './rawSocket.js';

/** What all hostile clients did and saw, added up. */
export interface HostileTally {
  sent: Record<string, number>;
  joins: number;
  joinRefused: number;
  /** Close codes of the offenders' connections (colyseus.js and raw sockets), 'end' for a dropped TCP. */
  closeCodes: Record<string, number>;
  /** Error messages the server answered with, by code. */
  errorCodes: Record<string, number>;
}

export function emptyTally(): HostileTally {
  return { sent: {}, joins: 0, joinRefused: 0, closeCodes: {}, errorCodes: {} };
}

const bump = (record: Record<string, number>, key: string, n = 1) => { record[key] = (record[key] ?? 0) + n; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Kind = 'typed' | 'nonfinite' | 'reserved' | 'unknown' | 'bytes' | 'garbage' | 'huge' | 'flood' | 'frames' | 'prehandshake';
const KINDS: readonly [Kind, number][] = [
  ['typed', 30], ['nonfinite', 8], ['reserved', 8], ['unknown', 6], ['bytes', 6], ['garbage', 10],
  ['huge', 2], ['flood', 8], ['frames', 16], ['prehandshake', 6],
];
const TOTAL_WEIGHT = KINDS.reduce((s, [, w]) => s + w, 0);

function pickKind(random: Random): Kind {
  let r = random() * TOTAL_WEIGHT;
  for (const [kind, weight] of KINDS) {
    r -= weight;
    if (r < 0) return kind;
  }
  return 'typed';
}
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export interface HostileOptions {
  url: string;
  http: string;
  port: number;
  spaceId: string;
  name: string;
  random: Random;
  until: number;
  tally: HostileTally;
  /** Stops the loop early (the server died). */
  stop: () => boolean;
  /** Send every reserved type with every close-reason payload first (issue 17, finding 1). */
  sweepReserved?: boolean;
  /** Start with one of each thing that must end a connection: a flood, a 1 MB message, broken frames. */
  prelude?: boolean;
}

/**
 * One offender: joins as a guest and sends what the protocol does not allow, in bursts faster
 * than the rate limit, rejoining whenever the server shows it out; between bursts it opens raw
 * sockets that break the WebSocket protocol itself.
 */
export async function runHostile(o: HostileOptions): Promise<void> {
  const { tally, random } = o;
  let token: string;
  try {
    token = (await requestGuestSession(o.http, o.name)).token;
  } catch {
    tally.joinRefused++;
    return;
  }
  let room: Room | undefined;
  let left: Promise<void> = Promise.resolve();
  const ensureRoom = async (): Promise<Room | undefined> => {
    if (room) return room;
    try {
      const joined = await new Client(o.url).joinOrCreate('space', { spaceId: o.spaceId, token });
      tally.joins++;
      left = new Promise<void>((resolve) => joined.onLeave((code) => {
        bump(tally.closeCodes, String(code));
        if (room === joined) room = undefined;
        resolve();
      }));
      joined.onMessage('*', (type, message: unknown) => {
        if (type === 'error') bump(tally.errorCodes, String((message as { code?: unknown } | undefined)?.code));
      });
      room = joined;
      return joined;
    } catch {
      tally.joinRefused++;
      await sleep(200);
      return undefined;
    }
  };
  const send = (r: Room, kind: string, type: string | number, payload: unknown) => {
    try {
      r.send(type, payload);
      bump(tally.sent, kind);
    } catch {
      bump(tally.sent, `${kind} (refused by the client library)`);
    }
  };
  const raw = (r: Room, kind: string, bytes: Uint8Array) => {
    (r.connection as unknown as { send(data: Uint8Array): void }).send(bytes);
    bump(tally.sent, kind);
  };

  if (o.sweepReserved) {
    for (const type of RESERVED_TYPES) {
      for (const payload of CLOSE_REASON_PAYLOADS) {
        if (o.stop() || Date.now() > o.until) return;
        const r = await ensureRoom();
        if (!r) continue;
        send(r, 'reserved', type, payload);
        // Wait for this one's answer before the next: a close shows the case was refused.
        await Promise.race([left, sleep(60)]);
      }
    }
  }

  let seq = 0;
  if (o.prelude) {
    const r = await ensureRoom();
    if (r) {
      for (let j = 0; j < 300; j++) send(r, 'flood', 'input', validInput(++seq));
      await Promise.race([left, sleep(2000)]);
    }
    const big = await ensureRoom();
    if (big) {
      send(big, 'huge', 'ask', { text: ONE_MEGABYTE, anonymous: false });
      await Promise.race([left, sleep(2000)]);
    }
    for (const name of ['text invalid utf-8', 'unmasked binary', 'close reason 200 bytes', 'length 2^62']) {
      await frameAttack(o, FRAME_ATTACKS.find((a) => a.name === name));
    }
  }
  while (!o.stop() && Date.now() < o.until) {
    const kind = pickKind(random);
    if (kind === 'frames') {
      await frameAttack(o);
      continue;
    }
    if (kind === 'prehandshake') {
      await preHandshake(o);
      continue;
    }
    const r = await ensureRoom();
    if (!r) continue;
    const burst = 3 + Math.floor(random() * 20);
    for (let i = 0; i < burst && room === r; i++) {
      switch (kind) {
        case 'typed': send(r, kind, pick(random, CLIENT_TYPES), wrongPayload(random)); break;
        case 'nonfinite': send(r, kind, pick(random, CLIENT_TYPES), nonFinitePayload(random)); break;
        case 'reserved': send(r, kind, pick(random, RESERVED_TYPES), pick(random, CLOSE_REASON_PAYLOADS)); break;
        case 'unknown': send(r, kind, pick(random, UNKNOWN_TYPES), wrongPayload(random)); break;
        case 'bytes': r.sendBytes(pick(random, [...CLIENT_TYPES, ...RESERVED_TYPES]), garbageFrame(random)); bump(tally.sent, kind); break;
        case 'garbage': raw(r, kind, garbageFrame(random)); break;
        case 'huge': send(r, kind, pick(random, ['ask', 'exhibitUpdate', 'input']), { text: ONE_MEGABYTE }); i = burst; break;
        case 'flood':
          for (let j = 0; j < 150; j++) send(r, kind, random() < 0.5 ? 'input' : 'react', random() < 0.5 ? validInput(++seq) : { kind: 'applause' });
          i = burst;
          break;
      }
    }
    await sleep(5 + random() * 40);
  }
  if (room) await Promise.race([room.leave(true).catch(() => undefined), sleep(1000)]);
}

/** A raw socket, joined to a room through matchmaking (or to a room that does not exist), sending a frame no client library would. */
async function frameAttack(o: HostileOptions, chosen?: FrameAttack): Promise<void> {
  const attack = chosen ?? pick(o.random, FRAME_ATTACKS);
  let path = `/nothing/here?sessionId=${'x'.repeat(Math.floor(o.random() * 40))}`;
  if (chosen || o.random() < 0.7) {
    try {
      const { token } = await requestGuestSession(o.http, `${o.name} raw`);
      const res = await fetch(`${o.http}/matchmake/joinOrCreate/space`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spaceId: o.spaceId, token }),
      });
      const seat = await res.json() as { room?: { processId: string; roomId: string }; sessionId?: string };
      if (seat.room && seat.sessionId) path = `/${seat.room.processId}/${seat.room.roomId}?sessionId=${seat.sessionId}`;
    } catch {
      o.tally.joinRefused++;
    }
  }
  try {
    const socket = await openRawSocket(o.port, path);
    // The JOIN_ROOM acknowledgement a client sends once it has the room's handshake.
    socket.write(frame(0x2, Buffer.from([10])));
    socket.write(attack.bytes(o.random));
    bump(o.tally.sent, 'frames');
    const code = await Promise.race([socket.closed, sleep(3000).then(() => 'open' as const)]);
    bump(o.tally.closeCodes, String(code));
    socket.destroy();
  } catch {
    bump(o.tally.closeCodes, 'upgrade refused');
  }
}

/** Bytes before (or instead of) a WebSocket handshake: noise, or a handshake left half-written. */
async function preHandshake(o: HostileOptions): Promise<void> {
  const socket = net.connect(o.port, '127.0.0.1');
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  if (o.random() < 0.5) socket.write(Buffer.from(Array.from({ length: 64 + Math.floor(o.random() * 512) }, () => Math.floor(o.random() * 256))));
  else socket.write('GET /x/y?sessionId=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n');
  bump(o.tally.sent, 'prehandshake');
  await Promise.race([closed, sleep(1000)]);
  socket.destroy();
}
